import { AppConfig, validateEnvironment } from '@app/core';
import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/test-app';

/** A connection as the service itself connects: the configured DATABASE_URL. */
async function asService<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: new AppConfig(validateEnvironment(process.env)).database.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe("The service's database role", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.request('POST', '/api/auth/login', { body: { email: 'nobody@example.org', password: 'x' } }); // one audit row
  });
  afterAll(() => t.close());

  it.each([
    'ALTER TABLE audit_event DISABLE TRIGGER ALL',
    'ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only',
    'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_truncate',
    'DROP TRIGGER audit_event_append_only ON audit_event',
    'ALTER TABLE audit_event OWNER TO CURRENT_USER',
    'TRUNCATE audit_event',
    `UPDATE audit_event SET outcome = 'success'`,
    'DELETE FROM audit_event',
    'DROP TABLE audit_event',
  ])('cannot %s', async (statement) => {
    await asService(async (client) => {
      await expect(client.query(statement)).rejects.toMatchObject({ code: '42501' }); // insufficient_privilege
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM audit_event`);
      expect(rows[0].n).toBeGreaterThan(0);
    });
  });

  it('is no superuser, cannot create roles or databases, and owns no table', async () => {
    await asService(async (client) => {
      const { rows } = await client.query(
        `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                (SELECT count(*)::int FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owned
           FROM pg_roles r WHERE r.rolname = current_user`,
      );
      expect(rows).toEqual([{ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, owned: 0 }]);
    });
  });

  it('is the connection the app itself uses', async () => {
    const [{ user }] = await t.dataSource.query('SELECT current_user AS user');
    expect(await asService(async (client) => (await client.query('SELECT current_user AS user')).rows[0].user)).toBe(user);
  });
});
