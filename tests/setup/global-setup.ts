import { prepareDatabase } from '../../libs/database/src/prepare-database';
import { appDatabaseUrl, databaseUrl, dropTestDatabases, newRunId, templateDatabase, withServer } from '../support/test-database';

/**
 * Prepares this run's template database once as the service does at start (migrations as the owner,
 * the service's role and its grants); every test file copies it (CREATE DATABASE … TEMPLATE).
 */
export default async function globalSetup(): Promise<void> {
  const runId = newRunId();
  process.env.TEST_RUN_ID = runId; // inherited by the workers Jest starts next
  await withServer(async (client) => {
    await dropTestDatabases(client, runId);
    await client.query(`CREATE DATABASE "${templateDatabase(runId)}"`);
  });
  const { Logger } = await import('@nestjs/common');
  const template = templateDatabase(runId);
  await prepareDatabase({ url: appDatabaseUrl(template), ownerUrl: databaseUrl(template) }, new Logger('TestSetup', { timestamp: false }));
}
