import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

/** The owner: creates and drops test databases and migrates the template. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
/** What the apps under test connect as: the limited role, as in production (its grants are proven by every test). */
export const TEST_APP_SERVER_URL = process.env.TEST_DATABASE_APP_SERVER_URL ?? 'postgres://volunteer_match_app@127.0.0.1:5432';

/**
 * Every database of one test run carries the run's id, made of its start time: runs on the same
 * machine never touch each other's databases, and leftovers of a crashed run are recognised by age.
 */
export function testRunId(): string {
  const id = process.env.TEST_RUN_ID;
  if (!id) throw new Error('TEST_RUN_ID is not set: run the tests with jest (global setup sets it)');
  return id;
}

export const newRunId = () => `${Math.floor(Date.now() / 1000)}_${randomBytes(2).toString('hex')}`;
export const templateDatabase = (runId = testRunId()) => `volunteer_match_test_${runId}_template`;
const STALE_AFTER_SECONDS = 6 * 3600;

/** The owner's URL of a database. */
export function databaseUrl(name: string): string {
  return `${TEST_SERVER_URL.replace(/\/+$/, '')}/${name}`;
}

/** The service role's URL of a database. */
export function appDatabaseUrl(name: string): string {
  return `${TEST_APP_SERVER_URL.replace(/\/+$/, '')}/${name}`;
}

/** Refuses to touch any database whose name does not say it is a test database. */
export function assertTestDatabase(name: string): void {
  if (!name.includes('test')) throw new Error(`Refusing to use database "${name}": test databases must have "test" in their name`);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unexpected database name "${name}"`);
}

export async function withServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(client: Client, name: string): Promise<void> {
  assertTestDatabase(name);
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Drops this run's databases, and those of runs that started long ago (crashed, never cleaned). */
export async function dropTestDatabases(client: Client, runId: string): Promise<void> {
  const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'volunteer\\_match\\_test\\_%'`);
  const now = Date.now() / 1000;
  for (const { datname } of rows as Array<{ datname: string }>) {
    const started = Number(/^volunteer_match_test_(\d+)_/.exec(datname)?.[1] ?? 0);
    if (datname.startsWith(`volunteer_match_test_${runId}_`) || now - started > STALE_AFTER_SECONDS) await dropDatabase(client, datname);
  }
}

export interface TestDatabase {
  name: string;
  /** As the service connects: its limited role. */
  url: string;
  /** As the owner, for what the service may not do (DDL, TRUNCATE). */
  ownerUrl: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, copied from this run's template (grants included). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `volunteer_match_test_${testRunId()}_${process.pid}_${randomBytes(3).toString('hex')}`;
  assertTestDatabase(name);
  await withServer((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`));
  return { name, url: appDatabaseUrl(name), ownerUrl: databaseUrl(name), drop: () => withServer((client) => dropDatabase(client, name)) };
}
