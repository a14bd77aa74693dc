import { Role } from '@app/identity';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';

describe('Programmes, referral sources, volunteers and user links: the rules', () => {
  let t: TestApp;
  let org: string;
  let coordinator: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    const a = await t.given.organisation();
    org = a.organisation.id;
    admin = await t.login(a.admin.email);
    coordinator = await t.login((await t.given.user(org, Role.Coordinator)).email);
  });
  afterAll(() => t.close());

  const post = (url: string, body: object, token = coordinator) => t.request('POST', url, { token, body });
  const patch = (url: string, body: object, token = coordinator) => t.request('PATCH', url, { token, body });

  describe('programmes', () => {
    it('start from the defaults of their kind', async () => {
      const buddy = (await post('/api/programmes', { name: 'Buddy', kind: 'buddy' })).body;
      expect(buddy).toMatchObject({ requiredCredentials: ['vog', 'basic_training'], maxMatchMonths: 12, vigilWaveSize: null });
      const navigator = (await post('/api/programmes', { name: 'Navigator', kind: 'navigator' })).body;
      expect(navigator.requiredCredentials).toContain('navigator_training');
      const vigil = (await post('/api/programmes', { name: 'Waken', kind: 'vigil' })).body;
      expect(vigil).toMatchObject({ maxMatchMonths: null, vigilWaveSize: 5, vigilWaveIntervalMinutes: 30, vigilEscalationMinutes: 120 });
    });

    it('keep the default weights that an override leaves out, and refuse all-zero weights (422)', async () => {
      const p = (await post('/api/programmes', { name: 'Peer', kind: 'peer', scoringWeights: { distance: 50 } })).body;
      expect(p.scoringWeights).toEqual({ diagnosis: 40, age: 20, distance: 50, availability: 15, load: 10, continuity: 5 });
      const zero = { diagnosis: 0, age: 0, distance: 0, availability: 0, load: 0, continuity: 0 };
      expect(await patch(`/api/programmes/${p.id}`, { scoringWeights: zero })).toMatchObject({ status: 422, body: { error: 'invalid_weights' } });
    });

    it('cannot change kind, and filter by kind', async () => {
      const p = (await post('/api/programmes', { name: 'Praktisch', kind: 'practical' })).body;
      expect((await patch(`/api/programmes/${p.id}`, { kind: 'vigil' })).status).toBe(400);
      const list = await t.request('GET', '/api/programmes?kind=practical', { token: coordinator });
      expect(list.body.items.every((x: { kind: string }) => x.kind === 'practical')).toBe(true);
    });

    it.each([
      [{ name: 'X', kind: 'hospice' }],
      [{ name: 'X', kind: 'buddy', maxDistanceKm: -1 }],
      [{ name: 'X', kind: 'buddy', maxDistanceKm: 'far' }],
      [{ name: 'X', kind: 'buddy', requiredCredentials: ['diploma'] }],
      [{ kind: 'buddy' }],
    ])('refuse malformed input %j with 400', async (body) => {
      expect(await post('/api/programmes', body)).toMatchObject({ status: 400, body: { error: 'validation_failed' } });
    });
  });

  describe('referral sources', () => {
    const secret = 'a-webhook-secret-of-some-length';

    it('never return the webhook secret, only that there is one, also after a change without it', async () => {
      const created = await post('/api/referral-sources', { name: 'UMC', type: 'hospital', feedbackChannel: 'webhook', webhookUrl: 'https://umc.example/hook', webhookSecret: secret });
      expect(created.status).toBe(201);
      expect(created.body.hasWebhookSecret).toBe(true);
      const id = created.body.id;
      const responses = [
        created,
        await t.request('GET', `/api/referral-sources/${id}`, { token: coordinator }),
        await t.request('GET', '/api/referral-sources', { token: coordinator }),
        await patch(`/api/referral-sources/${id}`, { contactName: 'Transferpunt' }),
      ];
      for (const response of responses) expect(JSON.stringify(response.body)).not.toContain(secret);
      expect(responses[3].body.hasWebhookSecret).toBe(true);
      const [row] = await t.dataSource.query(`SELECT webhook_secret FROM referral_source WHERE id = $1`, [id]);
      expect(row.webhook_secret).toBe(secret);
    });

    it('need a usable feedback channel (422)', async () => {
      expect(await post('/api/referral-sources', { name: 'X', type: 'gp', feedbackChannel: 'webhook', webhookUrl: 'https://x.example' })).toMatchObject({
        status: 422,
        body: { error: 'feedback_channel_incomplete' },
      });
      expect((await post('/api/referral-sources', { name: 'X', type: 'gp', feedbackChannel: 'email' })).status).toBe(422);
      expect((await post('/api/referral-sources', { name: 'X', type: 'ziekenhuis' })).status).toBe(400);
    });

    it('filter by type and name', async () => {
      await post('/api/referral-sources', { name: 'Wijkteam Lombok', type: 'neighbourhood_team' });
      const list = await t.request('GET', '/api/referral-sources?type=neighbourhood_team&q=lomb', { token: coordinator });
      expect(list.body.items.map((s: { name: string }) => s.name)).toEqual(['Wijkteam Lombok']);
    });
  });

  describe('volunteers', () => {
    const body = (extra: object = {}) => ({ firstName: 'Els', lastName: 'Visser', birthDate: '1952-08-08', lat: 52.0907, lon: 5.1214, kinds: ['buddy'], ...extra });

    it('keep availability as slots in the API and a 28-bit mask in the database', async () => {
      const v = (await post('/api/volunteers', body({ availability: [{ day: 'thu', part: 'evening' }, { day: 'tue', part: 'afternoon' }] }))).body;
      expect(v.availability).toEqual([{ day: 'tue', part: 'afternoon' }, { day: 'thu', part: 'evening' }]);
      const [row] = await t.dataSource.query(`SELECT availability_mask FROM volunteer WHERE id = $1`, [v.id]);
      expect(row.availability_mask).toBe((1 << 5) | (1 << 14));
    });

    it('change status along applicant → active → paused → active, and refuse other moves (409)', async () => {
      const v = (await post('/api/volunteers', body())).body;
      expect(v.status).toBe('applicant');
      expect(await patch(`/api/volunteers/${v.id}`, { status: 'paused' })).toMatchObject({ status: 409, body: { error: 'illegal_status_change' } });
      for (const status of ['active', 'paused', 'active', 'inactive']) expect((await patch(`/api/volunteers/${v.id}`, { status })).body.status).toBe(status);
    });

    it('replace unavailable periods and refuse one that ends before it starts (422)', async () => {
      const v = (await post('/api/volunteers', body({ unavailablePeriods: [{ startsAt: '2027-07-01T00:00:00Z', endsAt: '2027-07-15T00:00:00Z', reason: 'Vakantie' }] }))).body;
      expect(v.unavailablePeriods).toHaveLength(1);
      const replaced = await patch(`/api/volunteers/${v.id}`, { unavailablePeriods: [] });
      expect(replaced.body.unavailablePeriods).toEqual([]);
      const backwards = await patch(`/api/volunteers/${v.id}`, { unavailablePeriods: [{ startsAt: '2027-08-02T00:00:00Z', endsAt: '2027-08-01T00:00:00Z' }] });
      expect(backwards).toMatchObject({ status: 422, body: { error: 'invalid_period' } });
    });

    it('mark an expired credential as not valid, and refuse one that expires before it is issued (422)', async () => {
      const v = (await post('/api/volunteers', body())).body;
      const expired = await post(`/api/volunteers/${v.id}/credentials`, { type: 'vog', issuedOn: '2020-01-01', expiresOn: '2023-01-01' });
      expect(expired.body).toMatchObject({ type: 'vog', valid: false });
      expect((await post(`/api/volunteers/${v.id}/credentials`, { type: 'vog', issuedOn: '2025-01-01' })).body.valid).toBe(true);
      expect((await post(`/api/volunteers/${v.id}/credentials`, { type: 'vog', issuedOn: '2025-01-01', expiresOn: '2024-01-01' })).status).toBe(422);
    });

    it('filter by kind, status, programme, expiring credential, name, and nearness (nearest first)', async () => {
      const programme = (await post('/api/programmes', { name: 'Waakdienst', kind: 'vigil' })).body.id;
      const utrecht = (await post('/api/volunteers', body({ firstName: 'Utrechtse', kinds: ['vigil'], programmeIds: [programme], status: 'active' }))).body;
      const amersfoort = (await post('/api/volunteers', body({ firstName: 'Amersfoortse', lat: 52.1561, lon: 5.3878, kinds: ['vigil'], status: 'active' }))).body;
      const groningen = (await post('/api/volunteers', body({ firstName: 'Groningse', lat: 53.2194, lon: 6.5665, kinds: ['vigil'] }))).body;
      await post(`/api/volunteers/${amersfoort.id}/credentials`, { type: 'vog', issuedOn: '2024-01-01', expiresOn: '2026-12-31' });
      await post(`/api/volunteers/${utrecht.id}/credentials`, { type: 'vog', issuedOn: '2025-01-01', expiresOn: '2028-01-01' });
      const ids = async (query: string) => (await t.request('GET', `/api/volunteers?pageSize=100&${query}`, { token: coordinator })).body.items.map((v: { id: string }) => v.id);

      const near = await t.request('GET', '/api/volunteers?kind=vigil&lat=52.0907&lon=5.1214&km=25', { token: coordinator });
      expect(near.body.items.map((v: { id: string }) => v.id)).toEqual([utrecht.id, amersfoort.id]);
      expect(near.body.items[1].distanceKm).toBeCloseTo(19.6, 0);
      expect(await ids(`programmeId=${programme}`)).toEqual([utrecht.id]);
      expect(await ids('kind=vigil&status=applicant')).toEqual([groningen.id]);
      expect(await ids('credentialExpiringBefore=2027-01-01&kind=vigil')).toEqual([amersfoort.id]);
      expect(await ids('q=groningse')).toEqual([groningen.id]);
      expect((await t.request('GET', '/api/volunteers?lat=52.09', { token: coordinator })).status).toBe(400);
    });

    it('keep their coordinates when only the city is corrected', async () => {
      const v = (await post('/api/volunteers', body())).body;
      const moved = await patch(`/api/volunteers/${v.id}`, { city: 'Utrecht-Oost' });
      expect(moved.status).toBe(200);
      expect(moved.body.location).toMatchObject({ city: 'Utrecht-Oost', lat: 52.0907, lon: 5.1214 });
    });

    it.each([
      [{ birthDate: '1958-13-01' }],
      [{ kinds: ['hospice'] }],
      [{ languages: ['dutch'] }],
      [{ availability: [{ day: 'someday', part: 'morning' }] }],
      [{ lat: 200 }],
      [{ unknownField: true }],
    ])('refuse malformed input %j with 400', async (extra) => {
      expect(await post('/api/volunteers', body(extra))).toMatchObject({ status: 400, body: { error: 'validation_failed' } });
    });

    it('need coordinates or a full address (422), and refuse an unknown programme (422)', async () => {
      const { lat, lon, ...withoutCoordinates } = body();
      void lat;
      void lon;
      expect(await post('/api/volunteers', { ...withoutCoordinates, postcode: '3511 LX' })).toMatchObject({ status: 422, body: { error: 'location_required' } });
      expect(await post('/api/volunteers', body({ programmeIds: ['00000000-0000-4000-8000-000000000000'] }))).toMatchObject({ status: 422, body: { error: 'unknown_programme' } });
    });
  });

  describe('user links', () => {
    const user = (extra: object) => ({ email: t.given.email(), name: 'Nieuw', password: PASSWORD, ...extra });

    it('need a referral source for a referrer and a volunteer profile for a volunteer login (422)', async () => {
      expect(await post('/api/users', user({ role: 'referrer' }), admin)).toMatchObject({ status: 422, body: { error: 'referral_source_required' } });
      expect(await post('/api/users', user({ role: 'volunteer' }), admin)).toMatchObject({ status: 422, body: { error: 'volunteer_required' } });
    });

    it("refuse another organisation's source (404) and a second login for one volunteer (409)", async () => {
      const other = await t.given.organisation();
      const foreignSource = (await t.given.referralSource(other.organisation.id)).id;
      expect((await post('/api/users', user({ role: 'referrer', referralSourceId: foreignSource }), admin)).status).toBe(404);
      const volunteer = (await t.given.volunteer(org)).volunteer.id;
      expect((await post('/api/users', user({ role: 'volunteer', volunteerId: volunteer }), admin)).status).toBe(201);
      expect(await post('/api/users', user({ role: 'volunteer', volunteerId: volunteer }), admin)).toMatchObject({ status: 409, body: { error: 'volunteer_has_login' } });
    });

    it('drop a link that does not fit the role, and refuse a role change that leaves a referrer without a source (422)', async () => {
      const source = (await t.given.referralSource(org)).id;
      const created = await post('/api/users', user({ role: 'coordinator', referralSourceId: source }), admin);
      expect(created.body).toMatchObject({ role: 'coordinator', referralSourceId: null });
      expect(await patch(`/api/users/${created.body.id}`, { role: 'referrer' }, admin)).toMatchObject({ status: 422, body: { error: 'referral_source_required' } });
      expect((await patch(`/api/users/${created.body.id}`, { role: 'referrer', referralSourceId: source }, admin)).body).toMatchObject({ role: 'referrer', referralSourceId: source });
    });
  });
});
