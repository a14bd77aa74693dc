import 'reflect-metadata';
import { AppConfig, bootLogger, closeOnSignals, exitOnBootFailure, validateEnvironment } from '@app/core';
import { checkServiceRole, prepareDatabase } from '@app/database';
import { Logger } from 'nestjs-pino';
import { createApp } from './create-app';

/** Prepares the database (unless MIGRATE_ON_START=false), checks its role, then serves (and runs the worker when asked). */
async function main(): Promise<void> {
  const config = new AppConfig(validateEnvironment(process.env));
  if (config.database.migrateOnStart) await prepareDatabase(config.database, bootLogger('Database'));
  await checkServiceRole(config.database.url, { production: config.nodeEnv === 'production' }, bootLogger('Database'));
  const app = await createApp();
  closeOnSignals(app, 'Main');
  await app.listen(config.http.port, config.http.host);
  const logger = app.get(Logger);
  const worker = config.worker.inProcess ? 'with the worker in-process' : 'without worker (run it apart)';
  logger.log(`API listening on ${config.http.host}:${config.http.port} ${worker}; API docs at /api/docs`);
}

main().catch(exitOnBootFailure('Main'));
