import { Module } from '@nestjs/common';
import { AppConfigModule, LoggingModule, RedisModule } from '@app/core';
import { DatabaseModule } from '@app/database';
import { WorkerModule } from './worker.module';

/** Root module of the standalone worker process: no HTTP server. */
@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, RedisModule, WorkerModule],
})
export class WorkerAppModule {}
