import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, bootLogger, closeOnSignals, exitOnBootFailure, validateEnvironment } from '@app/core';
import { checkServiceRole, prepareDatabase } from '@app/database';
import { WorkerAppModule } from './worker-app.module';

/** The worker on its own: relays the outbox and runs jobs until SIGTERM, then drains and exits. */
async function main(): Promise<void> {
  const config = new AppConfig(validateEnvironment(process.env));
  if (config.database.migrateOnStart) await prepareDatabase(config.database, bootLogger('Database'));
  await checkServiceRole(config.database.url, { production: config.nodeEnv === 'production' }, bootLogger('Database'));
  const app = await NestFactory.createApplicationContext(WorkerAppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  closeOnSignals(app, 'Worker');
  await app.init();
  app.get(Logger).log('Worker running: relaying the outbox and processing jobs');
}

main().catch(exitOnBootFailure('Worker'));
