import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, closeOnSignals, validateEnvironment } from '@app/core';
import { prepareDatabase } from '@app/database';
import { WorkerAppModule } from './worker-app.module';

/** The worker on its own: relays the outbox and runs jobs until SIGTERM, then drains and exits. */
async function main(): Promise<void> {
  const config = new AppConfig(validateEnvironment(process.env));
  await prepareDatabase(config.database.url);
  const app = await NestFactory.createApplicationContext(WorkerAppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  closeOnSignals(app, 'Worker');
  await app.init();
  app.get(Logger).log('Worker running: relaying the outbox and processing jobs');
}

main().catch((error: Error) => {
  new NestLogger('Worker').error(error.message, error.stack);
  process.exit(1);
});
