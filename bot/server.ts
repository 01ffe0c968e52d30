// Starts the bot: reads .env if present, builds the app, listens, and shuts down gracefully.
import { existsSync } from 'node:fs';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { ContentError } from './content/loadContent';
import { DataDirInUseError } from './store/database';
import { MigrationChangedError } from './store/migrate';
import { createLogger } from './platform/logger';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const started = Date.now();
  const app = await buildApp({ config, logger });
  const url = await app.listen();
  logger.info({ url, storage: app.db.kind, area: config.AREA, startMs: Date.now() - started }, `helpline bot listening on ${url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing turns in flight');
    // Whatever hangs (a database that does not answer), the process still ends.
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS + 5_000).unref();
    app
      .close()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof ContentError ||
    error instanceof DataDirInUseError ||
    error instanceof MigrationChangedError;
  // One line naming what is wrong; a stack only for the unexpected.
  process.stderr.write(`${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
