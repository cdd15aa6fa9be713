import { ConfigError, parseConfig } from './config';
import { createLogger } from './logger';
import { shouldRunSandbox } from './sandbox/mode';
import { runSandboxProcess } from './sandbox/run-sandbox';
import { startService } from './start';

/**
 * The process: config → logger → service; SIGTERM/SIGINT stop it gracefully and exit 0.
 * Configuration problems end start-up with exit code 1 and one readable message.
 * Without any Slack credential at all, it starts the local sandbox instead (src/sandbox/).
 */
async function main(): Promise<void> {
  if (shouldRunSandbox(process.env)) return runSandboxProcess();
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee README.md, "Configuration".\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  let service: Awaited<ReturnType<typeof startService>>;
  try {
    service = await startService(config, { logger });
  } catch (err) {
    logger.fatal({ err }, `start-up failed: ${(err as Error).message}`);
    logger.flush?.();
    process.exit(1);
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'signal received');
    service.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

void main();
