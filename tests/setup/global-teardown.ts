import { dropTestDatabases, testRunId, withServer } from '../support/test-database';

/** Leaves nothing behind: drops this run's template and any database a crashed file did not drop. */
export default async function globalTeardown(): Promise<void> {
  await withServer((client) => dropTestDatabases(client, testRunId()));
}
