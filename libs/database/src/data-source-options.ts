import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { SafeQueryLogger } from './safe-query-logger';

export const MIGRATIONS_TABLE = 'migrations';

/**
 * The one TypeORM configuration, shared by the app, the migration CLI and the test helper.
 * Globs are relative to this file so they work from `src` (ts) and from `dist` (js).
 */
export function dataSourceOptions(url: string, pool: { size: number; timeoutMs: number } = { size: 10, timeoutMs: 30000 }): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto', // gen_random_uuid() is built into PostgreSQL 13+
    installExtensions: false,
    entities: [join(__dirname, '..', '..', '*', 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    logger: new SafeQueryLogger(),
    maxQueryExecutionTime: 1000,
    // Under a burst, requests queue for a connection; only past the timeout do they get 503 (busy).
    extra: { max: pool.size, connectionTimeoutMillis: pool.timeoutMs },
  };
}
