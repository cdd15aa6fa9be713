import { ConfigError, parseConfig, shouldRunSandbox } from './config';
import { createLogger } from './logger';
import { stopOnSignals } from './shutdown';
import { startService } from './start';

/**
 * The process: config → logger → service; SIGTERM/SIGINT stop it gracefully and exit 0.
 * Configuration problems end start-up with exit code 1 and one readable message.
 * Without any Slack credential at all, it starts the local sandbox instead (../sandbox/).
 */
async function main(): Promise<void> {
  if (shouldRunSandbox(process.env) && (await runSandboxIfPresent())) return;
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
  stopOnSignals(logger, () => service.stop());
}

/**
 * The sandbox is a development tool, outside the production build: from a source checkout
 * (`npm start`) it is there; in the built image it is not, and the missing credentials are
 * reported like any other configuration problem.
 */
async function runSandboxIfPresent(): Promise<boolean> {
  const entry = '../sandbox/run-sandbox';
  let sandbox: { runSandboxProcess(): Promise<void> };
  try {
    // require, not import(): `npm start` runs a bundle (scripts/start.cjs) whose sandbox is a
    // second bundle beside it, and only require finds a file without its extension.
    sandbox = require(entry) as typeof sandbox;
  } catch (err) {
    if (
      (err as { code?: string }).code === 'MODULE_NOT_FOUND' ||
      (err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND'
    )
      return false;
    throw err;
  }
  await sandbox.runSandboxProcess();
  return true;
}

void main();
