import { Role } from '@app/identity';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';

/** The defects of issue 10 that answered 500 or stored bad values: each one by name. */
describe('Hostile input', () => {
  let t: TestApp;
  let orgId: string;
  let admin: string;
  let coordinator: string;
  let programmeId: string;
  let sourceId: string;
  let requestId: string;

  const validRequest = (overrides: Record<string, unknown> = {}) => ({
    programmeId,
    referralSourceId: sourceId,
    desiredSlots: [{ day: 'wed', part: 'morning' }],
    startDate: '2027-02-01',
    referrerContact: { name: 'Sanne Visser' },
    client: { firstName: 'Johanna', lastName: 'Bakker', birthDate: '1938-02-14', diagnosisGroup: 'heart_failure', consentGivenBy: 'client', lat: 52.1, lon: 5.11, city: 'Utrecht' },
    ...overrides,
  });
  const nested = (depth: number, open = '{"a":', close = '}') => open.repeat(depth) + '1' + close.repeat(depth);
  const raw = (method: 'POST' | 'PATCH', url: string, rawBody: string, token?: string) =>
    t.request(method, url, { token, rawBody, headers: { 'content-type': 'application/json' } });
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    const org = await t.given.organisation();
    orgId = org.organisation.id;
    admin = await t.login(org.admin.email);
    coordinator = await t.login((await t.given.user(orgId, Role.Coordinator)).email);
    programmeId = (await t.given.programme(orgId, 'buddy')).id;
    sourceId = (await t.given.referralSource(orgId)).id;
    const created = await t.request('POST', '/api/requests', { token: coordinator, body: validRequest() });
    expect(created.status).toBe(201);
    requestId = created.body.id;
  });
  afterAll(() => t.close());

  describe('deeply nested JSON', () => {
    it.each(['/api/auth/login', '/api/auth/refresh', '/api/auth/logout'])('is refused with 400 on the public %s', async (url) => {
      for (const body of [nested(5000), nested(5000, '[', ']')]) {
        const response = await raw('POST', url, body);
        expect(response).toMatchObject({ status: 400, body: { error: 'validation_failed', message: expect.stringContaining('dieper genest dan 16 niveaus') } });
      }
    });

    it('is refused with 400 on an authenticated body route, while ordinary nesting passes', async () => {
      expect((await raw('POST', '/api/requests', nested(3000), coordinator)).status).toBe(400);
      expect((await raw('PATCH', `/api/requests/${requestId}`, `{"needs":${nested(40)}}`, coordinator)).status).toBe(400);
      const fine = await t.request('PATCH', `/api/requests/${requestId}`, { token: coordinator, body: { client: { relatives: [{ name: 'Joke', relation: 'dochter' }] } } });
      expect(fine.status).toBe(200);
    });
  });

  describe('text that PostgreSQL cannot store or that is not Unicode', () => {
    it('refuses a NUL character with 400 naming the field, also deep inside', async () => {
      const top = await t.request('POST', '/api/users', { token: admin, body: { email: t.given.email(), name: 'Ann\u0000e', role: 'coordinator', password: PASSWORD } });
      expect(top).toMatchObject({ status: 400, body: { error: 'validation_failed', details: [{ field: 'name' }] } });
      const deep = await t.request('POST', '/api/requests', { token: coordinator, body: validRequest({ needs: { social: 'a\u0000' } }) });
      expect(deep).toMatchObject({ status: 400, body: { details: [{ field: 'needs.social' }] } });
    });

    it('refuses a lone surrogate with 400, on login without a token too, and stores nothing', async () => {
      const before = await count('request');
      const login = await raw('POST', '/api/auth/login', '{"email":"a\\ud800@example.org","password":"x"}');
      expect(login).toMatchObject({ status: 400, body: { details: [{ field: 'email' }] } });
      const needs = await raw('POST', '/api/requests', JSON.stringify(validRequest()).replace('"startDate"', '"needs":{"social":"\\udc00"},"startDate"'), coordinator);
      expect(needs).toMatchObject({ status: 400, body: { details: [{ field: 'needs.social' }] } });
      const plain = await raw('PATCH', `/api/requests/${requestId}`, '{"referrerNotes":"caf\\ud83d"}', coordinator);
      expect(plain.status).toBe(400);
      expect(await count('request')).toBe(before);
      const [row] = await t.dataSource.query(`SELECT referrer_notes FROM request WHERE id = $1`, [requestId]);
      expect(row.referrer_notes).toBeNull();
    });

    it('refuses such text in a query string or path with 400', async () => {
      expect((await t.request('GET', '/api/requests?status=%00', { token: coordinator })).status).toBe(400);
      expect((await t.request('GET', '/api/users/%00', { token: admin })).status).toBe(400);
    });
  });

  it('answers a refresh token whose id part is no UUID with 401, not 500', async () => {
    const secret = 'a'.repeat(43);
    for (const id of ['-'.repeat(36), 'f'.repeat(36), '00000000-0000-0000-0000-00000000000g', '00000000-0000-4000-8000-000000000000']) {
      for (const url of ['/api/auth/refresh', '/api/auth/logout']) {
        const response = await t.request('POST', url, { body: { refreshToken: `${id}.${secret}` } });
        expect([id, url, response.status < 500]).toEqual([id, url, true]);
      }
    }
  });

  it('answers malformed percent-encoding in a path with 400', async () => {
    for (const url of ['/api/requests/%E0%A4%A', '/api/requests/%', `/api/requests/${requestId}%ZZ/triage`]) {
      const response = await t.request(url.endsWith('triage') ? 'POST' : 'GET', url, { token: coordinator });
      expect([url, response.status]).toEqual([url, 400]);
    }
  });

  describe('wrong shapes', () => {
    it('refuses an array where an object is expected, with 400', async () => {
      const cases: [string, string, Record<string, unknown>][] = [
        ['PATCH', `/api/requests/${requestId}`, { client: [] }],
        ['PATCH', `/api/requests/${requestId}`, { needs: ['x'] }],
        ['PATCH', `/api/requests/${requestId}`, { preferences: [] }],
        ['PATCH', `/api/requests/${requestId}`, { vigilWindow: [] }],
        ['PATCH', `/api/requests/${requestId}`, { referrerContact: [{ name: 'x' }] }],
        ['PATCH', `/api/requests/${requestId}`, { client: { gp: [] } }],
        ['PATCH', `/api/requests/${requestId}`, { client: { relatives: [[]] } }],
        ['PATCH', `/api/programmes/${programmeId}`, { scoringWeights: [] }],
        ['PATCH', `/api/programmes/${programmeId}`, { followUpSchedule: [1] }],
      ];
      for (const [method, url, body] of cases) {
        const response = await t.request(method as 'PATCH', url, { token: coordinator, body });
        expect([url, body, response.status]).toEqual([url, body, 400]);
      }
    });

    it('refuses a number where a date-time is expected, and dates without an offset or in words', async () => {
      const volunteer = (await t.given.volunteer(orgId)).volunteer.id;
      const period = (startsAt: unknown) => ({ unavailablePeriods: [{ startsAt, endsAt: '2027-01-04T00:00:00+01:00' }] });
      for (const startsAt of [1767225600000, '2026-12-05T22:00:00', '5 december 2026 22:00', '12/05/2026 10:00 PM', '2027-02-31T10:00:00+01:00']) {
        const response = await t.request('PATCH', `/api/volunteers/${volunteer}`, { token: coordinator, body: period(startsAt) });
        expect([startsAt, response.status]).toEqual([startsAt, 400]);
        expect(response.body.message).toContain('2026-12-05T22:00:00+01:00');
      }
      const consent = await t.request('POST', '/api/requests', { token: coordinator, body: validRequest({ client: { ...validRequest().client, consentGivenAt: 0 } }) });
      expect(consent.status).toBe(400);
      const ok = await t.request('PATCH', `/api/volunteers/${volunteer}`, { token: coordinator, body: period('2026-12-20T00:00:00+01:00') });
      expect(ok.status).toBe(200);
      expect(ok.body.unavailablePeriods[0].startsAt).toBe('2026-12-19T23:00:00.000Z');
    });

    it('refuses dates far out of range', async () => {
      const volunteer = (await t.given.volunteer(orgId)).volunteer.id;
      const far = await t.request('PATCH', `/api/volunteers/${volunteer}`, {
        token: coordinator,
        body: { unavailablePeriods: [{ startsAt: '2027-01-01T00:00:00Z', endsAt: '+275760-09-13T00:00:00Z' }] },
      });
      expect(far.status).toBe(400);
      const oldBirth = await t.request('PATCH', `/api/volunteers/${volunteer}`, { token: coordinator, body: { birthDate: '0001-01-01' } });
      expect(oldBirth.status).toBe(400);
    });

    it('refuses null where the field cannot be empty', async () => {
      for (const body of [{ needs: null }, { preferences: null }, { desiredSlots: null }, { urgency: null }, { client: { firstName: null } }]) {
        const response = await t.request('PATCH', `/api/requests/${requestId}`, { token: coordinator, body });
        expect([body, response.status]).toEqual([body, 400]);
      }
    });

    it('answers a reference to a row that does not exist with 4xx, never 2xx', async () => {
      const triaged = await t.given.triagedRequest(orgId, { programmeId, referralSourceId: sourceId });
      for (const id of ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff']) {
        const submit = await t.request('POST', '/api/requests', { token: coordinator, body: validRequest({ programmeId: id }) });
        expect(submit.status).toBe(404);
        const source = await t.request('POST', '/api/requests', { token: coordinator, body: validRequest({ referralSourceId: id }) });
        expect(source.status).toBe(404);
        const assign = await t.request('POST', '/api/matching/assign', { token: coordinator, body: { programmeId: id, dryRun: true } });
        expect(assign.status).toBe(404);
        const propose = await t.request('POST', `/api/requests/${triaged.id}/matches`, { token: coordinator, body: { volunteerId: id } });
        expect(propose.status).toBe(404);
        const client = await t.request('POST', '/api/requests', { token: coordinator, body: validRequest({ client: undefined, clientId: id }) });
        expect(client.status).toBe(404);
        const user = await t.request('POST', '/api/users', { token: admin, body: { email: t.given.email(), name: 'Vera Vos', role: 'volunteer', password: PASSWORD, volunteerId: id } });
        expect(user.status).toBe(404);
      }
    });
  });

  it('refuses webhook addresses that reach inside when a referral source is saved', async () => {
    for (const webhookUrl of ['http://[::127.0.0.1]/hook', 'http://[::169.254.169.254]/latest/meta-data', 'http://metadata.google.internal/computeMetadata/v1/']) {
      const response = await t.request('POST', '/api/referral-sources', {
        token: coordinator,
        body: { name: 'Ziekenhuis', type: 'hospital', feedbackChannel: 'webhook', webhookUrl, webhookSecret: 'a-secret-of-sixteen-or-more' },
      });
      expect([webhookUrl, response.status, response.body.error]).toEqual([webhookUrl, 422, 'webhook_url_not_allowed']);
    }
  });

  it('marks every API response as not to be cached, health data or not', async () => {
    for (const url of [`/api/requests/${requestId}`, '/api/requests', '/api/me']) {
      const response = await t.request('GET', url, { token: coordinator });
      expect([url, response.status, response.headers['cache-control'], response.headers.pragma]).toEqual([url, 200, 'no-store', 'no-cache']);
    }
    const denied = await t.request('GET', `/api/requests/${requestId}`);
    expect(denied.headers['cache-control']).toBe('no-store');
  });

  it('refuses a body on an action that takes none, and changes nothing', async () => {
    const response = await t.request('POST', `/api/requests/${requestId}/triage`, { token: coordinator, body: { decision: 'accept' } });
    expect(response.status).toBe(200);
    const volunteer = await t.given.volunteerWithLogin(orgId, { availability: [{ day: 'wed', part: 'morning' }] });
    const proposal = await t.given.proposal(orgId, requestId, volunteer.volunteerId);
    const token = await t.login(volunteer.email);
    const accept = await t.request('POST', `/api/matches/${proposal.id}/accept`, { token, body: { force: true } });
    expect(accept).toMatchObject({ status: 400, body: { error: 'validation_failed' } });
    const [match] = await t.dataSource.query(`SELECT status FROM match WHERE id = $1`, [proposal.id]);
    expect(match.status).toBe('proposed');
    expect((await t.request('POST', `/api/matches/${proposal.id}/accept`, { token })).status).toBe(200);
  });
});
