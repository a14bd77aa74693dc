import { AppConfig, validateEnvironment } from '@app/core';
import { checkServiceRole, prepareDatabase, scramVerifier } from '@app/database';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/test-app';
import { databaseUrl, dropDatabase, testRunId, withServer } from '../support/test-database';

async function withDatabase<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A connection as the service itself connects: the configured DATABASE_URL. */
const asService = <T>(fn: (client: Client) => Promise<T>) => withDatabase(new AppConfig(validateEnvironment(process.env)).database.url, fn);

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

describe('Preparing the database as the owner', () => {
  const suffix = randomBytes(3).toString('hex');
  const name = `volunteer_match_test_${testRunId()}_role_${suffix}`;
  const roles: string[] = [];
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
  const asOwner = <T>(fn: (client: Client) => Promise<T>) => withDatabase(databaseUrl(name), fn);

  afterAll(async () => {
    await withServer(async (client) => {
      await dropDatabase(client, name);
      for (const role of roles) await client.query((await client.query(`SELECT format('DROP ROLE IF EXISTS %I', $1::text) AS sql`, [role])).rows[0].sql);
    });
  });

  it('creates a missing role with the password of DATABASE_URL, however odd its name, and grants it DML only (audit log: read and append)', async () => {
    const role = `vm test "odd"; app ${suffix}`;
    const password = `p@ss'word ${suffix}`;
    roles.push(role);
    const url = `postgres://${encodeURIComponent(role)}:${encodeURIComponent(password)}@127.0.0.1:5432/${name}`;
    await prepareDatabase({ url, ownerUrl: databaseUrl(name) }, quiet);
    await prepareDatabase({ url, ownerUrl: databaseUrl(name) }, quiet); // every start: the role exists, the grants are applied again

    await asOwner(async (client) => {
      const { rows } = await client.query(
        `SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolpassword FROM pg_authid WHERE rolname = $1`,
        [role],
      );
      expect(rows).toEqual([expect.objectContaining({ rolcanlogin: true, rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolreplication: false, rolbypassrls: false })]);
      // The stored verifier is the one of the URL's password.
      const [, iterations, salt] = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(rows[0].rolpassword) ?? [];
      expect(rows[0].rolpassword).toBe(scramVerifier(password, Buffer.from(salt, 'base64'), Number(iterations)));

      const privileges = async (table: string) =>
        (
          await client.query(
            `SELECT array_agg(p ORDER BY p) AS granted FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES']) p
              WHERE has_table_privilege($1, $2, p)`,
            [role, table],
          )
        ).rows[0].granted;
      expect(await privileges('request')).toEqual(['DELETE', 'INSERT', 'SELECT', 'UPDATE']);
      expect(await privileges('outbox_event')).toEqual(['DELETE', 'INSERT', 'SELECT', 'UPDATE']);
      expect(await privileges('audit_event')).toEqual(['INSERT', 'SELECT']);
      expect(await privileges('migrations')).toBeNull();
    });
    await expect(checkServiceRole(url, { production: true }, quiet)).resolves.toBeUndefined();
  });

  it("computes the password verifier exactly as PostgreSQL does", async () => {
    const role = `vm_test_scram_${suffix}`;
    roles.push(role);
    const password = `Ünïcode and 'quotes' ${suffix}`;
    const stored = await withServer(async (client) => {
      await client.query(`SET password_encryption = 'scram-sha-256'`);
      await client.query((await client.query(`SELECT format('CREATE ROLE %I PASSWORD %L', $1::text, $2::text) AS sql`, [role, password])).rows[0].sql);
      return (await client.query(`SELECT rolpassword FROM pg_authid WHERE rolname = $1`, [role])).rows[0].rolpassword as string;
    });
    const [, iterations, salt] = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(stored) ?? [];
    expect(scramVerifier(password, Buffer.from(salt, 'base64'), Number(iterations))).toBe(stored);
  });

  it('refuses in production to run as a superuser, without showing the password', async () => {
    const superuserUrl = databaseUrl(name).replace('postgres@', 'postgres:hunter2-secret@');
    const refusal = checkServiceRole(superuserUrl, { production: true }, quiet);
    await expect(refusal).rejects.toThrow(/"postgres", which is a superuser, owns tables, may change or empty audit_event/);
    await expect(refusal).rejects.not.toThrow(/hunter2/);
  });

  it('tells what to do when the owner may not create the missing role, and refuses to serve as a table owner', async () => {
    const owner = `vm_test_owner_${suffix}`;
    roles.push(owner);
    await withServer((client) => client.query(`CREATE ROLE ${owner} LOGIN CREATEDB`));
    const other = `volunteer_match_test_${testRunId()}_role2_${suffix}`;
    try {
      const ownerUrl = `postgres://${owner}@127.0.0.1:5432/${other}`;
      await expect(prepareDatabase({ url: `postgres://vm_test_missing_${suffix}@127.0.0.1:5432/${other}`, ownerUrl }, quiet)).rejects.toThrow(
        `The role "vm_test_missing_${suffix}" of DATABASE_URL does not exist, and the role of DATABASE_OWNER_URL may not create roles`,
      );
      // The tables were made (by this owner, no superuser): running the service as it is refused too.
      await expect(checkServiceRole(ownerUrl, { production: true }, quiet)).rejects.toThrow(`"${owner}", which owns tables, may change or empty audit_event`);
    } finally {
      await withServer((client) => dropDatabase(client, other));
    }
  });
});
