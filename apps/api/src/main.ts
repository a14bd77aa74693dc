import 'reflect-metadata';
import { AppConfig, bootLogger, closeOnSignals, exitOnBootFailure, validateEnvironment } from '@app/core';
import { prepareDatabase } from '@app/database';
import { Logger } from 'nestjs-pino';
import { createApp } from './create-app';

/** Creates the database if needed, applies migrations, then serves (and runs the worker when asked). */
async function main(): Promise<void> {
  const config = new AppConfig(validateEnvironment(process.env));
  await prepareDatabase(config.database.url, bootLogger('Database'));
  const app = await createApp();
  closeOnSignals(app, 'Main');
  await app.listen(config.http.port, config.http.host);
  const logger = app.get(Logger);
  const worker = config.worker.inProcess ? 'with the worker in-process' : 'without worker (run it apart)';
  logger.log(`API listening on ${config.http.host}:${config.http.port} ${worker}; API docs at /api/docs`);
}

main().catch(exitOnBootFailure('Main'));
