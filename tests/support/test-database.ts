import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const TEMPLATE_DATABASE = 'volunteer_match_test_template';

export function databaseUrl(name: string): string {
  return `${TEST_SERVER_URL.replace(/\/+$/, '')}/${name}`;
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

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, copied from the template made in global setup. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `volunteer_match_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  assertTestDatabase(name);
  await withServer((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`));
  return { name, url: databaseUrl(name), drop: () => withServer((client) => dropDatabase(client, name)) };
}
