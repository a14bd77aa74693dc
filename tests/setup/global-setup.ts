import { runPendingMigrations } from '../../libs/database/src/prepare-database';
import { databaseUrl, dropTestDatabases, newRunId, templateDatabase, withServer } from '../support/test-database';

/** Migrates this run's template database once; every test file copies it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  const runId = newRunId();
  process.env.TEST_RUN_ID = runId; // inherited by the workers Jest starts next
  await withServer(async (client) => {
    await dropTestDatabases(client, runId);
    await client.query(`CREATE DATABASE "${templateDatabase(runId)}"`);
  });
  const { Logger } = await import('@nestjs/common');
  await runPendingMigrations(databaseUrl(templateDatabase(runId)), new Logger('TestSetup', { timestamp: false }));
}
