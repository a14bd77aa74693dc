import { Client } from 'pg';
import { appDatabaseUrl, databaseUrl, withServer } from '../../support/test-database';

const PREFIX = 'volunteer_match_browser_';
const STALE_AFTER_SECONDS = 6 * 3600;

/** Refuses any name that does not say it belongs to the tests. */
function assertBrowserDatabase(name: string): void {
  if (!name.startsWith(PREFIX) || !/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to use database "${name}": not a browser-test database`);
}

export const browserDatabase = (runId: string) => `${PREFIX}${runId}`;

/**
 * A fresh database for this run, after dropping those earlier runs left behind (killed before their
 * teardown): nobody is connected to them any more, or they are hours old. A young one with
 * connections belongs to a run going on beside this one, so it stays.
 * The API migrates it at start (MIGRATE_ON_START), as the owner.
 */
export async function createBrowserDatabase(runId: string): Promise<{ name: string; url: string; ownerUrl: string }> {
  const name = browserDatabase(runId);
  assertBrowserDatabase(name);
  await withServer(async (client) => {
    const { rows } = await client.query<{ datname: string; connections: number }>(
      `SELECT d.datname, (SELECT count(*)::int FROM pg_stat_activity a WHERE a.datname = d.datname) AS connections
         FROM pg_database d WHERE d.datname LIKE 'volunteer\\_match\\_browser\\_%'`,
    );
    const now = Date.now() / 1000;
    for (const { datname, connections } of rows) {
      const age = now - Number(/^volunteer_match_browser_(\d+)_/.exec(datname)?.[1] ?? 0);
      // Two minutes' grace: a run beside us may not have started its API yet.
      if (age > STALE_AFTER_SECONDS || (age > 120 && connections === 0)) await dropBrowserDatabase(datname, client);
    }
    await client.query(`CREATE DATABASE "${name}"`);
  });
  return { name, url: appDatabaseUrl(name), ownerUrl: databaseUrl(name) };
}

export async function dropBrowserDatabase(name: string, client?: Client): Promise<void> {
  assertBrowserDatabase(name);
  const drop = (c: Client) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (client) await drop(client);
  else await withServer(drop);
}
