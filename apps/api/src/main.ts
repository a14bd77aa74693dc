import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { AppConfig, closeOnSignals, validateEnvironment } from '@app/core';
import { prepareDatabase } from '@app/database';
import { createApp } from './create-app';

/** Creates the database if needed, applies migrations, then serves (and runs the worker when asked). */
async function main(): Promise<void> {
  const config = new AppConfig(validateEnvironment(process.env));
  await prepareDatabase(config.database.url);
  const app = await createApp();
  closeOnSignals(app, 'Main');
  await app.listen(config.http.port, config.http.host);
  const logger = new NestLogger('Main');
  const worker = config.worker.inProcess ? 'with the worker in-process' : 'without worker (run it apart)';
  logger.log(`API listening on ${config.http.host}:${config.http.port} ${worker}; API docs at /api/docs`);
}

main().catch((error: Error) => {
  // Configuration errors name the variable; print them plainly and stop.
  new NestLogger('Main').error(error.message, error.name === 'ConfigurationError' ? undefined : error.stack);
  process.exit(1);
});
