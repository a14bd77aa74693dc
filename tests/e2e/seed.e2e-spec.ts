import * as argon2 from 'argon2';
import { Client } from 'pg';
import { passwordProblem } from '@app/identity';
import { seed, SeedResult } from '../../apps/seed/src/seed';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const OPTIONS = { volunteers: 500, requests: 120, organisation: 'Hospice Het Baken', seed: 7 };

describe('The seed command', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let result: SeedResult;
  let progress: string[];
  let db: Client;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    progress = [];
    // The seed is the operator's tool, run as the owner (ANALYZE after the bulk load needs the owner).
    result = await seed({ databaseUrl: first.ownerUrl, ...OPTIONS }, (line) => progress.push(line));
    await seed({ databaseUrl: second.ownerUrl, ...OPTIONS });
    db = new Client({ connectionString: first.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await Promise.all([first?.drop(), second?.drop()]);
  });

  const rows = async (sql: string) => (await db.query(sql)).rows;
  const value = async (sql: string) => Object.values((await db.query(sql)).rows[0])[0] as number;

  it('creates what was asked in one organisation, and reports progress', async () => {
    expect(await value(`SELECT count(*)::int FROM organisation WHERE name = 'Hospice Het Baken'`)).toBe(1);
    expect(await value(`SELECT count(*)::int FROM volunteer WHERE organisation_id = '${result.organisationId}'`)).toBe(500);
    expect(await value(`SELECT count(*)::int FROM request WHERE organisation_id = '${result.organisationId}'`)).toBe(120);
    expect(await value(`SELECT count(*)::int FROM client WHERE organisation_id = '${result.organisationId}'`)).toBe(120);
    expect(result.counts).toMatchObject({ volunteers: 500, requests: 120, clients: 120 });
    expect(result.counts.credentials).toBe(await value(`SELECT count(*)::int FROM credential`));
    expect(progress.filter((line) => /^volunteers \d+\/500 \(\d+\.\d s\)$/.test(line))).toHaveLength(10);
    expect(progress).toContain(progress.find((line) => line.startsWith('volunteers 500/500')));
  });

  it('leaves the bulk-loaded tables analysed, so the first queries get good plans', async () => {
    const analysed = await rows(`SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL ORDER BY relname`);
    expect(analysed.map((r) => r.relname)).toEqual(expect.arrayContaining(['client', 'credential', 'request', 'unavailable_period', 'volunteer']));
  });

  it('makes a programme of every kind with the settings of its kind', async () => {
    const programmes = await rows(`SELECT kind, required_credentials, max_match_months, max_distance_km, scoring_weights, follow_up_schedule, vigil_wave_size, min_client_age, diagnosis_groups FROM programme`);
    expect([...new Set(programmes.map((p) => p.kind))].sort()).toEqual(['buddy', 'navigator', 'peer', 'practical', 'vigil']);
    const of = (kind: string) => programmes.find((p) => p.kind === kind && p.min_client_age === null);
    expect(of('buddy').required_credentials).toEqual(['vog', 'basic_training']);
    expect(of('navigator').required_credentials).toEqual(['vog', 'basic_training', 'navigator_training']);
    expect(of('peer').required_credentials).toEqual(['vog', 'basic_training', 'peer_training']);
    expect(of('vigil').required_credentials).toEqual(['vog', 'vigil_training']);
    expect(of('practical').required_credentials).toEqual(['vog']);
    expect(programmes.map((p) => [p.kind, p.max_distance_km, p.max_match_months]).sort()).toEqual(
      expect.arrayContaining([['buddy', 15, 12], ['navigator', 20, 12], ['peer', 30, 12], ['practical', 5, 12], ['vigil', 25, null]]),
    );
    for (const p of programmes) {
      expect(Object.values(p.scoring_weights as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(100);
      expect(p.vigil_wave_size).toBe(p.kind === 'vigil' ? 5 : null);
      expect(Object.keys(p.follow_up_schedule).sort()).toEqual(['durationReviewWeeksBefore', 'evaluationWeeks', 'firstContactDays', 'thenEveryMonths']);
    }
    expect(of('peer').scoring_weights.diagnosis).toBeGreaterThan(of('buddy').scoring_weights.diagnosis);
    const euNavigate = programmes.find((p) => p.min_client_age === 70);
    expect(euNavigate).toMatchObject({ kind: 'navigator' });
    expect(euNavigate.diagnosis_groups.every((g: string) => g.startsWith('cancer_'))).toBe(true);
  });

  it('makes referral sources of every type, with email feedback and one webhook', async () => {
    const sources = await rows(`SELECT type, name, feedback_channel, feedback_email, webhook_url, webhook_secret FROM referral_source`);
    expect([...new Set(sources.map((s) => s.type))].sort()).toEqual(['caregiver_support', 'gp', 'home_care', 'hospital', 'neighbourhood_team', 'other', 'volunteer_org']);
    const webhooks = sources.filter((s) => s.feedback_channel === 'webhook');
    expect(webhooks).toHaveLength(1);
    expect(webhooks[0].webhook_url).toMatch(/^https:\/\/example\.org\/hooks\//);
    expect(webhooks[0].webhook_secret.length).toBeGreaterThanOrEqual(32);
    expect(sources.filter((s) => s.feedback_channel === 'email').every((s) => s.feedback_email)).toBe(true);
  });

  it('makes users of every role, linked where the role needs it, whose printed password works', async () => {
    const users = await rows(`SELECT u.role, u.email, u.password_hash, u.referral_source_id, u.volunteer_id, v.status AS volunteer_status FROM app_user u LEFT JOIN volunteer v ON v.id = u.volunteer_id`);
    expect(users.filter((u) => u.role === 'admin')).toHaveLength(1);
    expect(users.filter((u) => u.role === 'coordinator')).toHaveLength(2);
    expect(users.filter((u) => u.role === 'referrer')).toHaveLength(await value(`SELECT count(*)::int FROM referral_source`));
    expect(users.filter((u) => u.role === 'referrer').every((u) => u.referral_source_id)).toBe(true);
    expect(users.filter((u) => u.role === 'volunteer').length).toBeGreaterThan(0);
    expect(users.filter((u) => u.role === 'volunteer').every((u) => u.volunteer_id && u.volunteer_status === 'active')).toBe(true);
    expect(users.every((u) => u.email === u.email.toLowerCase())).toBe(true);
    // One hash for all, with PasswordService's argon2id parameters.
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(1);
    expect(users[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(result.password.length).toBeGreaterThanOrEqual(12);
    expect(result.logins.map((l) => l.role)).toEqual(['admin', 'coordinator', 'referrer', 'volunteer']);
    for (const login of result.logins) {
      const user = users.find((u) => u.email === login.email);
      expect(user?.role).toBe(login.role);
      expect(await argon2.verify(user.password_hash, result.password)).toBe(true);
      expect(passwordProblem(result.password, login)).toBeNull(); // the seed writes rows directly: it keeps to the policy itself
    }
  });

  it('does not collide with an earlier run in the same database', async () => {
    const again = await seed({ databaseUrl: first.url, ...OPTIONS, volunteers: 20, requests: 5 });
    expect(again.organisationId).not.toBe(result.organisationId);
    expect(await value(`SELECT count(*)::int FROM organisation WHERE name = 'Hospice Het Baken'`)).toBe(2);
    await db.query(`DELETE FROM request WHERE organisation_id = $1`, [again.organisationId]);
    for (const table of ['client', 'app_user', 'volunteer', 'referral_source', 'programme']) await db.query(`DELETE FROM ${table} WHERE organisation_id = $1`, [again.organisationId]);
    await db.query(`DELETE FROM organisation WHERE id = $1`, [again.organisationId]);
  });

  it('gives plausible ages: volunteers mostly 25–80, clients mostly 60–95', async () => {
    const volunteers = await value(`SELECT avg((extract(year FROM age(birth_date)) BETWEEN 25 AND 80)::int)::float FROM volunteer`);
    const clients = await value(`SELECT avg((extract(year FROM age(birth_date)) BETWEEN 60 AND 95)::int)::float FROM client`);
    expect(volunteers).toBeGreaterThanOrEqual(0.9);
    expect(clients).toBeGreaterThanOrEqual(0.9);
    expect(await value(`SELECT avg((extract(year FROM age(birth_date)) BETWEEN 55 AND 75)::int)::float FROM volunteer`)).toBeGreaterThan(0.4); // many retirees
  });

  it('puts everyone inside the Netherlands, more of them in cities, with Dutch postcodes', async () => {
    for (const table of ['volunteer', 'client', 'request']) {
      expect(await value(`SELECT count(*)::int FROM ${table} WHERE lat IS NULL OR lat NOT BETWEEN 50.7 AND 53.6 OR lon NOT BETWEEN 3.3 AND 7.3`)).toBe(0);
      expect(await value(`SELECT count(*)::int FROM ${table} WHERE postcode !~ '^[1-9][0-9]{3}[A-Z]{2}$'`)).toBe(0);
    }
    const amsterdam = await value(`SELECT count(*)::int FROM volunteer WHERE city = 'Amsterdam'`);
    const veendam = await value(`SELECT count(*)::int FROM volunteer WHERE city = 'Veendam'`);
    expect(amsterdam).toBeGreaterThan(veendam * 5);
    expect(await value(`SELECT count(DISTINCT city)::int FROM volunteer`)).toBeGreaterThan(40);
  });

  it('gives volunteers kinds, programmes, credentials and availability that fit together', async () => {
    expect(await value(`SELECT count(*)::int FROM volunteer WHERE cardinality(kinds) NOT BETWEEN 1 AND 3 OR cardinality(programme_ids) < cardinality(kinds)`)).toBe(0);
    expect(await value(`SELECT count(*)::int FROM volunteer v WHERE EXISTS (SELECT 1 FROM unnest(v.programme_ids) pid LEFT JOIN programme p ON p.id = pid WHERE p.id IS NULL OR NOT p.kind = ANY (v.kinds))`)).toBe(0);
    expect(await value(`SELECT count(*)::int FROM volunteer WHERE 'peer' = ANY (kinds) AND cardinality(lived_experience_diagnoses) = 0`)).toBe(0);
    expect(await value(`SELECT count(*)::int FROM volunteer WHERE max_travel_km NOT BETWEEN 5 AND 30 OR max_concurrent_clients NOT BETWEEN 1 AND 3`)).toBe(0);
    expect(await value(`SELECT avg((status = 'active')::int)::float FROM volunteer`)).toBeGreaterThan(0.7);
    expect(await value(`SELECT avg((gender = 'female')::int)::float FROM volunteer`)).toBeGreaterThan(0.6);
    expect(await value(`SELECT avg((languages = '{nl}')::int)::float FROM volunteer`)).toBeGreaterThan(0.7);
    // Most active navigators can work: VOG, basic and navigator training all valid today.
    const ready = await value(`
      SELECT avg(((SELECT count(DISTINCT c.type) FROM credential c WHERE c.volunteer_id = v.id AND c.type IN ('vog', 'basic_training', 'navigator_training')
                     AND c.issued_on <= current_date AND (c.expires_on IS NULL OR c.expires_on >= current_date)) = 3)::int)::float
        FROM volunteer v WHERE v.status = 'active' AND 'navigator' = ANY (v.kinds)`);
    expect(ready).toBeGreaterThan(0.5);
    // Vigil volunteers have nights; the others (mostly) do not.
    const NIGHTS = [3, 7, 11, 15, 19, 23, 27].reduce((m, b) => m | (1 << b), 0);
    expect(await value(`SELECT count(*)::int FROM volunteer WHERE 'vigil' = ANY (kinds) AND availability_mask & ${NIGHTS} = 0`)).toBe(0);
    expect(await value(`SELECT count(*)::int FROM volunteer WHERE NOT 'vigil' = ANY (kinds) AND availability_mask & ${NIGHTS} <> 0`)).toBe(0);
  });

  it('includes the awkward cases: paused volunteers, expired and missing VOGs, absences', async () => {
    expect(await value(`SELECT count(*)::int FROM volunteer WHERE status = 'paused'`)).toBeGreaterThan(0);
    expect(await value(`SELECT count(*)::int FROM credential WHERE type = 'vog' AND expires_on < current_date`)).toBeGreaterThan(0);
    expect(await value(`SELECT count(*)::int FROM volunteer v WHERE NOT EXISTS (SELECT 1 FROM credential c WHERE c.volunteer_id = v.id AND c.type = 'vog')`)).toBeGreaterThan(0);
    expect(await value(`SELECT count(*)::int FROM unavailable_period WHERE starts_at > now()`)).toBeGreaterThan(0);
    expect(await value(`SELECT count(*)::int FROM credential WHERE issued_on > current_date`)).toBe(0);
  });

  it('makes open requests of the kind of their programme, each with its client, from a referrer of its source', async () => {
    expect(await value(`SELECT count(*)::int FROM request WHERE status NOT IN ('submitted', 'triaged')`)).toBe(0);
    expect(await value(`SELECT count(*)::int FROM request WHERE status = 'triaged'`)).toBeGreaterThan(0);
    expect(await value(`SELECT count(*)::int FROM request WHERE (status = 'triaged') <> (triaged_at IS NOT NULL) OR triaged_at < submitted_at OR submitted_at > now()`)).toBe(0);
    expect(await value(`SELECT count(*)::int FROM request r JOIN programme p ON p.id = r.programme_id WHERE p.kind <> r.kind`)).toBe(0);
    expect(await value(`SELECT count(*)::int FROM request r LEFT JOIN client c ON c.id = r.client_id WHERE c.id IS NULL OR c.lat <> r.lat OR c.postcode <> r.postcode`)).toBe(0);
    expect(await value(`SELECT count(DISTINCT kind)::int FROM request`)).toBe(5);
    expect(
      await value(`SELECT count(*)::int FROM request r LEFT JOIN app_user u ON u.id = r.submitted_by_user_id WHERE u.role IS DISTINCT FROM 'referrer' OR u.referral_source_id <> r.referral_source_id`),
    ).toBe(0);
    expect(await value(`SELECT count(*)::int FROM request r JOIN client c ON c.id = r.client_id WHERE c.referral_source_id <> r.referral_source_id`)).toBe(0);
    // Inclusion rules hold: EU-NAVIGATE requests are for clients of 70+ with cancer.
    expect(
      await value(`SELECT count(*)::int FROM request r JOIN programme p ON p.id = r.programme_id JOIN client c ON c.id = r.client_id
                    WHERE p.min_client_age IS NOT NULL AND (extract(year FROM age(c.birth_date)) < p.min_client_age OR NOT c.diagnosis_group = ANY (p.diagnosis_groups))`),
    ).toBe(0);
    // Everyday requests: 2–6 desired daytime or evening slots, a start date within a month, no window.
    const everyday = await rows(`SELECT desired_mask, start_date::text, frequency, vigil_window_start FROM request WHERE kind <> 'vigil'`);
    for (const r of everyday) {
      const slots = r.desired_mask.toString(2).split('').filter((b: string) => b === '1').length;
      expect(slots).toBeGreaterThanOrEqual(2);
      expect(slots).toBeLessThanOrEqual(6);
      expect(['weekly', 'fortnightly']).toContain(r.frequency);
      expect(r.vigil_window_start).toBeNull();
    }
    expect(await value(`SELECT count(*)::int FROM request WHERE kind <> 'vigil' AND start_date NOT BETWEEN current_date AND current_date + 31`)).toBe(0);
  });

  it('gives vigils an urgent window tonight or in the next nights, 22:00 to 07:00 in Amsterdam', async () => {
    const vigils = await rows(`
      SELECT urgency, desired_mask, vigil_window_start > now() AS future, vigil_window_start < now() + interval '4 days' AS soon,
             to_char(vigil_window_start AT TIME ZONE 'Europe/Amsterdam', 'HH24:MI') AS starts, to_char(vigil_window_end AT TIME ZONE 'Europe/Amsterdam', 'HH24:MI') AS ends,
             extract(isodow FROM vigil_window_start AT TIME ZONE 'Europe/Amsterdam')::int AS dow
        FROM request WHERE kind = 'vigil'`);
    expect(vigils.length).toBeGreaterThan(0);
    for (const v of vigils) {
      expect(v).toMatchObject({ urgency: 'urgent', future: true, soon: true, starts: '22:00', ends: '07:00' });
      expect(v.desired_mask).toBe(1 << ((v.dow - 1) * 4 + 3)); // the night slot of the window's day
    }
  });

  it('gives clients realistic diagnoses, consent and contacts', async () => {
    const share = async (where: string) => value(`SELECT avg((${where})::int)::float FROM client`);
    expect(await share(`diagnosis_group LIKE 'cancer_%'`)).toBeGreaterThan(0.25);
    expect(await share(`diagnosis_group LIKE 'cancer_%'`)).toBeLessThan(0.55);
    expect(await share(`gp IS NOT NULL`)).toBeGreaterThan(0.75);
    expect(await share(`consent_given_by = 'client'`)).toBeGreaterThan(0.5);
    expect(await value(`SELECT count(*)::int FROM request WHERE referrer_contact->>'name' IS NULL OR referrer_contact->>'email' IS NULL`)).toBe(0);
    expect(await value(`SELECT count(*)::int FROM request WHERE needs = '{}'::jsonb`)).toBe(0);
  });

  it('is deterministic for a given --seed', async () => {
    const sample = async (url: string, sql: string) => {
      const other = new Client({ connectionString: url });
      await other.connect();
      try {
        return (await other.query(sql)).rows;
      } finally {
        await other.end();
      }
    };
    const volunteers = `SELECT first_name, last_name, birth_date::text, city, availability_mask, kinds FROM volunteer ORDER BY 1, 2, 3, 4, 5, 6`;
    const clients = `SELECT first_name, last_name, birth_date::text, city, diagnosis_group FROM client ORDER BY 1, 2, 3, 4, 5`;
    expect(await sample(second.url, volunteers)).toEqual(await sample(first.url, volunteers));
    expect(await sample(second.url, clients)).toEqual(await sample(first.url, clients));
  });
});
