import { INestApplicationContext, Logger } from '@nestjs/common';

/**
 * SIGTERM/SIGINT: stop taking work and close the app. `app.close()` runs every shutdown hook: the
 * HTTP server stops accepting connections, the outbox relay finishes its pass, BullMQ workers finish
 * their active jobs (a job cut off by the deadline is handed back by BullMQ's stalled-job check).
 */
export function closeOnSignals(app: INestApplicationContext, name: string, deadlineMs = 25_000): void {
  const logger = new Logger(name);
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: finishing work in progress, then exiting`);
    const timer = setTimeout(() => {
      logger.error(`Shutdown took longer than ${deadlineMs} ms; exiting anyway`);
      process.exit(1);
    }, deadlineMs);
    timer.unref();
    app
      .close()
      .then(() => {
        logger.log('Stopped cleanly');
        process.exit(0);
      })
      .catch((error: Error) => {
        logger.error(`Shutdown failed: ${error.message}`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
