import { ConfigError } from '../src/config';
import { createLogger } from '../src/logger';
import { stopOnSignals } from '../src/shutdown';
import { startSandbox } from './start-sandbox';

/**
 * The sandbox as a process (`npm run sandbox`, or `npm start` without Slack credentials):
 * start, say where to look in one line, stop cleanly on SIGTERM/SIGINT.
 */
export async function runSandboxProcess(): Promise<void> {
  const level = process.env.LOG_LEVEL?.trim() || 'info';
  const logger = createLogger({
    level: /^(fatal|error|warn|info|debug|trace|silent)$/.test(level) ? level : 'info',
  });
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({ env: process.env, logger });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    logger.fatal({ err }, `sandbox start-up failed: ${(err as Error).message}`);
    logger.flush?.();
    process.exit(1);
  }
  logger.info(`Sandbox: no Slack credentials found — open ${sandbox.url}`);
  stopOnSignals(logger, () => sandbox.stop());
}
