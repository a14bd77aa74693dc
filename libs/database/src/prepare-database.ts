import { Logger, LoggerService } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const MIGRATION_LOCK_ID = 741_852_963; // arbitrary, fixed: one migrator at a time across processes

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new Error(`DATABASE_URL names the database "${name}"; use letters, digits, _ or -`);
  }
  return name;
}

function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const name = databaseName(url);
  const client = new Client({ connectionString: maintenanceUrl(url) });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error; // created by a concurrent starter
    }
    return true;
  } finally {
    await client.end();
  }
}

/** Applies pending migrations under an advisory lock, so api and worker can start together. */
export async function runPendingMigrations(url: string, logger: LoggerService = new Logger('Database')): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), extra: { max: 1 } });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      for (const migration of applied) logger.log(`Applied migration ${migration.name}`);
      return applied.map((m) => m.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    await dataSource.destroy();
  }
}

/** What `npm start` does before the app boots: create the database if needed, then migrate. */
export async function prepareDatabase(url: string, logger: LoggerService = new Logger('Database')): Promise<void> {
  if (await ensureDatabaseExists(url)) logger.log(`Created database ${databaseName(url)}`);
  await runPendingMigrations(url, logger);
}
