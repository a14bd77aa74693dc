import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { dataSourceOptions } from './data-source-options';

/** The TypeORM connection. Migrations are applied before boot (prepareDatabase), never synchronised. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database.url, { size: config.database.poolSize, timeoutMs: config.database.poolTimeoutMs }),
        migrationsRun: false,
      }),
    }),
  ],
})
export class DatabaseModule {}
