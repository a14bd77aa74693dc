import { runPendingMigrations } from '../../libs/database/src/prepare-database';
import { databaseUrl, dropDatabase, TEMPLATE_DATABASE, withServer } from '../support/test-database';

/** Migrates a template database once; every test file copies it (CREATE DATABASE ... TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  await withServer(async (client) => {
    const stale = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'volunteer\\_match\\_test\\_%'`);
    for (const row of stale.rows) await dropDatabase(client, row.datname);
    await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  });
  const { Logger } = await import('@nestjs/common');
  await runPendingMigrations(databaseUrl(TEMPLATE_DATABASE), new Logger('TestSetup', { timestamp: false }));
}
