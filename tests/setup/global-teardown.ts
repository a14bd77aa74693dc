import { dropDatabase, withServer } from '../support/test-database';

/** Leaves nothing behind: drops the template and any test database a crashed file did not drop. */
export default async function globalTeardown(): Promise<void> {
  await withServer(async (client) => {
    const rows = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'volunteer\\_match\\_test\\_%'`);
    for (const row of rows.rows) await dropDatabase(client, row.datname);
  });
}
