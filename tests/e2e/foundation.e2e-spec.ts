import { Logger } from '@nestjs/common';
import { ensureDatabaseExists, runPendingMigrations } from '@app/database';
import { BootstrapAdminService } from '@app/identity';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, dropDatabase, testRunId, withServer } from '../support/test-database';
import { startTestApp, TestApp } from '../support/test-app';

describe('Database preparation', () => {
  it('creates the database named in DATABASE_URL when missing, then migrates it', async () => {
    const name = `volunteer_match_test_${testRunId()}_new_${randomBytes(3).toString('hex')}`;
    try {
      expect(await ensureDatabaseExists(databaseUrl(name))).toBe(true);
      expect(await ensureDatabaseExists(databaseUrl(name))).toBe(false);
      const applied = await runPendingMigrations(databaseUrl(name), new Logger('test', { timestamp: false }));
      expect(applied.length).toBeGreaterThan(0);
      expect(await runPendingMigrations(databaseUrl(name))).toEqual([]);
    } finally {
      await withServer((client) => dropDatabase(client, name));
    }
  });
});

describe('Audit log', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('is append-only, even for its owner: the trigger refuses updates, deletes and truncation', async () => {
    await t.request('POST', '/api/auth/login', { body: { email: 'nobody@example.org', password: 'x' } });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`);
    expect(n).toBeGreaterThan(0);
    // The service's own role lacks these privileges altogether (database-role.e2e-spec.ts); the owner hits the trigger.
    const owner = new Client({ connectionString: t.db.ownerUrl });
    await owner.connect();
    try {
      await expect(owner.query(`UPDATE audit_event SET outcome = 'success'`)).rejects.toThrow('audit_event is append-only');
      await expect(owner.query(`DELETE FROM audit_event`)).rejects.toThrow('audit_event is append-only');
      await expect(owner.query(`TRUNCATE audit_event`)).rejects.toThrow('audit_event is append-only');
    } finally {
      await owner.end();
    }
  });
});

describe('First start', () => {
  let t: TestApp;
  const email = 'first.admin@example.org';
  const password = 'a-long-first-password';

  beforeAll(async () => {
    t = await startTestApp({ env: { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password, BOOTSTRAP_ORGANISATION: 'Hospice Het Baken' } });
  });
  afterAll(async () => {
    delete process.env.BOOTSTRAP_ADMIN_EMAIL;
    delete process.env.BOOTSTRAP_ADMIN_PASSWORD;
    delete process.env.BOOTSTRAP_ORGANISATION;
    await t.close();
  });

  it('creates the admin and the hosting organisation from the environment, who can then log in', async () => {
    const token = await t.login(email, password);
    const me = await t.request('GET', '/api/me', { token });
    expect(me.body.user).toMatchObject({ email, role: 'admin' });
    expect(me.body.organisation).toMatchObject({ name: 'Hospice Het Baken', isHost: true });
  });

  it('does nothing once users exist', async () => {
    await t.app.get(BootstrapAdminService).run();
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user`);
    expect(n).toBe(1);
  });
});
