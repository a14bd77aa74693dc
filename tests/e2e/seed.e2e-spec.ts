import * as argon2 from 'argon2';
import { Client } from 'pg';
import { seed, SeedResult } from '../../apps/seed/src/seed';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('The seed command', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let result: SeedResult;
  let db: Client;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    result = await seed({ databaseUrl: first.url, volunteers: 600, requests: 60, organisation: 'Hospice Het Baken', seed: 7 });
    await seed({ databaseUrl: second.url, volunteers: 600, requests: 60, organisation: 'Hospice Het Baken', seed: 7 });
    db = new Client({ connectionString: first.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await Promise.all([first.drop(), second.drop()]);
  });

  const rows = async (sql: string) => (await db.query(sql)).rows;
  const value = async (sql: string) => Object.values((await db.query(sql)).rows[0])[0] as number;

  it('creates what was asked, with programmes of every kind and sources of every type', async () => {
    expect(await value(`SELECT count(*)::int FROM volunteer`)).toBe(600);
    expect(await value(`SELECT count(*)::int FROM request`)).toBe(60);
    expect((await rows(`SELECT DISTINCT kind FROM programme ORDER BY kind`)).map((r) => r.kind)).toEqual(['buddy', 'navigator', 'peer', 'practical', 'vigil']);
    expect(await value(`SELECT count(DISTINCT type)::int FROM referral_source`)).toBe(7);
  });

  it('makes users of every role, linked where the role needs it, whose printed password works', async () => {
    const users = await rows(`SELECT role, email, password_hash, referral_source_id, volunteer_id FROM app_user`);
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(['admin', 'coordinator', 'referrer', 'volunteer']));
    expect(users.filter((u) => u.role === 'referrer').every((u) => u.referral_source_id)).toBe(true);
    expect(users.filter((u) => u.role === 'volunteer').every((u) => u.volunteer_id)).toBe(true);
    for (const login of result.logins) {
      const user = users.find((u) => u.email === login.email);
      expect(await argon2.verify(user.password_hash, result.password)).toBe(true);
    }
  });

  it('gives plausible ages: volunteers mostly 25–80, clients mostly 60–95', async () => {
    const volunteers = await value(`SELECT avg((extract(year FROM age(birth_date)) BETWEEN 25 AND 80)::int)::float FROM volunteer`);
    const clients = await value(`SELECT avg((extract(year FROM age(birth_date)) BETWEEN 60 AND 95)::int)::float FROM client`);
    expect(volunteers).toBeGreaterThan(0.9);
    expect(clients).toBeGreaterThan(0.85);
  });

  it('puts everyone inside the Netherlands, more of them in cities', async () => {
    expect(await value(`SELECT count(*)::int FROM volunteer WHERE lat NOT BETWEEN 50.7 AND 53.6 OR lon NOT BETWEEN 3.3 AND 7.3`)).toBe(0);
    expect(await value(`SELECT count(*)::int FROM client WHERE lat NOT BETWEEN 50.7 AND 53.6 OR lon NOT BETWEEN 3.3 AND 7.3`)).toBe(0);
    const amsterdam = await value(`SELECT count(*)::int FROM volunteer WHERE city = 'Amsterdam'`);
    const veendam = await value(`SELECT count(*)::int FROM volunteer WHERE city = 'Veendam'`);
    expect(amsterdam).toBeGreaterThan(veendam * 5);
  });

  it('includes the awkward cases: paused volunteers, expired and missing VOGs', async () => {
    expect(await value(`SELECT count(*)::int FROM volunteer WHERE status = 'paused'`)).toBeGreaterThan(0);
    expect(await value(`SELECT count(*)::int FROM credential WHERE type = 'vog' AND expires_on < current_date`)).toBeGreaterThan(0);
    expect(await value(`SELECT count(*)::int FROM volunteer v WHERE NOT EXISTS (SELECT 1 FROM credential c WHERE c.volunteer_id = v.id AND c.type = 'vog')`)).toBeGreaterThan(0);
  });

  it('makes open requests of the kind of their programme, each with its client', async () => {
    expect(await value(`SELECT count(*)::int FROM request WHERE status NOT IN ('submitted', 'triaged')`)).toBe(0);
    expect(await value(`SELECT count(*)::int FROM request r JOIN programme p ON p.id = r.programme_id WHERE p.kind <> r.kind`)).toBe(0);
    expect(await value(`SELECT count(*)::int FROM request r LEFT JOIN client c ON c.id = r.client_id WHERE c.id IS NULL`)).toBe(0);
    expect(await value(`SELECT count(*)::int FROM request WHERE kind = 'vigil' AND vigil_window_start IS NULL`)).toBe(0);
  });

  it('is deterministic for a given --seed', async () => {
    const sample = async (url: string) => {
      const other = new Client({ connectionString: url });
      await other.connect();
      try {
        return (await other.query(`SELECT first_name, last_name, birth_date::text, city, availability_mask FROM volunteer ORDER BY 1, 2, 3, 4, 5`)).rows;
      } finally {
        await other.end();
      }
    };
    expect(await sample(second.url)).toEqual(await sample(first.url));
  });
});
