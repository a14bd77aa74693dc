import { Role } from '@app/identity';
import { startTestApp, TestApp } from '../support/test-app';

describe('Programmes', () => {
  let t: TestApp;
  let orgId: string;
  let admin: string;
  let coordinator: string;
  let referrer: string;
  let volunteer: string;
  let buddyId: string;
  let otherOrgProgrammeId: string;

  const validationFailed = (field: string) => ({
    statusCode: 400,
    error: 'validation_failed',
    message: expect.any(String),
    details: expect.arrayContaining([expect.objectContaining({ field, errors: expect.any(Array) })]),
  });
  const nameInDb = async (id: string) => (await t.dataSource.query(`SELECT name FROM programme WHERE id = $1`, [id]))[0].name;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await t.given.organisation();
    orgId = org.organisation.id;
    admin = await t.login(org.admin.email);
    coordinator = await t.login((await t.given.user(orgId, Role.Coordinator)).email);
    referrer = await t.login((await t.given.user(orgId, Role.Referrer)).email);
    volunteer = await t.login((await t.given.user(orgId, Role.Volunteer)).email);
    buddyId = (await t.given.programme(orgId, 'buddy', { name: 'Buddyzorg Utrecht' })).id;
    const other = await t.given.organisation();
    otherOrgProgrammeId = (await t.given.programme(other.organisation.id, 'buddy', { name: 'Buddyzorg elders' })).id;
  });
  afterAll(() => t.close());

  describe('who may do what', () => {
    it.each([
      ['an admin', () => admin],
      ['a coordinator', () => coordinator],
      ['a referrer', () => referrer],
      ['a volunteer', () => volunteer],
    ])("lets %s list and read the organisation's programmes", async (_, token) => {
      const list = await t.request('GET', '/api/programmes', { token: token() });
      expect(list.status).toBe(200);
      expect(list.body.items.map((p: { id: string }) => p.id)).toContain(buddyId);
      expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(otherOrgProgrammeId);

      const one = await t.request('GET', `/api/programmes/${buddyId}`, { token: token() });
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: buddyId, name: 'Buddyzorg Utrecht', kind: 'buddy', active: true });
    });

    it.each([
      ['an admin', () => admin],
      ['a coordinator', () => coordinator],
    ])('lets %s create and change a programme, audited', async (_, token) => {
      const created = await t.request('POST', '/api/programmes', { token: token(), body: { name: '  Navigatoren Zeist  ', kind: 'navigator' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: expect.any(String), name: 'Navigatoren Zeist', kind: 'navigator', active: true });

      const patched = await t.request('PATCH', `/api/programmes/${created.body.id}`, {
        token: token(),
        body: { name: 'Navigatoren Zeist en omstreken', description: 'Proactieve begeleiding', active: false, minClientAge: 18 },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name: 'Navigatoren Zeist en omstreken', description: 'Proactieve begeleiding', active: false, minClientAge: 18, kind: 'navigator' });
      expect(await nameInDb(created.body.id)).toBe('Navigatoren Zeist en omstreken');

      const audit = await t.dataSource.query(`SELECT action, outcome FROM audit_event WHERE resource_type = 'programme' AND resource_id = $1 ORDER BY id`, [created.body.id]);
      expect(audit).toEqual([
        { action: 'create', outcome: 'success' },
        { action: 'update', outcome: 'success' },
      ]);
    });

    it.each([
      ['a referrer', () => referrer],
      ['a volunteer', () => volunteer],
    ])('refuses %s to create or change a programme with 403, and changes nothing', async (_, token) => {
      const forbidden = { statusCode: 403, error: 'forbidden', message: expect.any(String) };
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM programme`))[0].n;
      const created = await t.request('POST', '/api/programmes', { token: token(), body: { name: 'Stiekem', kind: 'buddy' } });
      expect(created).toMatchObject({ status: 403, body: forbidden });
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM programme`))[0].n).toBe(before);

      const patched = await t.request('PATCH', `/api/programmes/${buddyId}`, { token: token(), body: { name: 'Stiekem' } });
      expect(patched).toMatchObject({ status: 403, body: forbidden });
      expect(await nameInDb(buddyId)).toBe('Buddyzorg Utrecht');
    });

    it('answers 404 for a programme of another organisation, to every role, on GET and PATCH, and changes nothing', async () => {
      for (const token of [admin, coordinator, referrer, volunteer]) {
        const response = await t.request('GET', `/api/programmes/${otherOrgProgrammeId}`, { token });
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ statusCode: 404, error: 'not_found', message: expect.any(String) });
      }
      for (const token of [admin, coordinator]) {
        const response = await t.request('PATCH', `/api/programmes/${otherOrgProgrammeId}`, { token, body: { name: 'Overgenomen' } });
        expect(response.status).toBe(404);
        expect(response.body.error).toBe('not_found');
      }
      expect(await nameInDb(otherOrgProgrammeId)).toBe('Buddyzorg elders');
    });

    it('answers 404 for an unknown id and 400 for an id that is not a uuid', async () => {
      expect((await t.request('GET', '/api/programmes/00000000-0000-4000-8000-000000000000', { token: coordinator })).status).toBe(404);
      const malformed = await t.request('GET', '/api/programmes/not-a-uuid', { token: coordinator });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ statusCode: 400, error: expect.any(String), message: expect.any(String) });
    });

    it('refuses a caller without a token with 401', async () => {
      expect((await t.request('GET', '/api/programmes')).status).toBe(401);
    });
  });

  describe('defaults of each kind', () => {
    const create = async (kind: string) => {
      const response = await t.request('POST', '/api/programmes', { token: coordinator, body: { name: `Alleen ${kind}`, kind } });
      expect(response.status).toBe(201);
      return response.body;
    };

    it('gives a buddy programme a VOG and basic training, at most 12 months, and no vigil waves', async () => {
      expect(await create('buddy')).toMatchObject({
        kind: 'buddy',
        description: null,
        active: true,
        requiredCredentials: ['vog', 'basic_training'],
        minClientAge: null,
        diagnosisGroups: [],
        maxMatchMonths: 12,
        maxDistanceKm: 15,
        scoringWeights: { diagnosis: 15, age: 15, distance: 25, availability: 25, load: 10, continuity: 10 },
        followUpSchedule: { firstContactDays: 7, evaluationWeeks: 6, thenEveryMonths: 3, durationReviewWeeksBefore: 4 },
        vigilWaveSize: null,
        vigilWaveIntervalMinutes: null,
        vigilEscalationMinutes: null,
      });
    });

    it('adds navigator training to a navigator programme', async () => {
      const navigator = await create('navigator');
      expect(navigator.requiredCredentials).toEqual(expect.arrayContaining(['vog', 'basic_training', 'navigator_training']));
      expect(navigator).toMatchObject({ maxMatchMonths: 12, vigilWaveSize: null });
    });

    it('gives a vigil programme offer waves of 5 every 30 minutes, escalation after 120, and no maximum duration', async () => {
      expect(await create('vigil')).toMatchObject({
        kind: 'vigil',
        requiredCredentials: expect.arrayContaining(['vog', 'vigil_training']),
        maxMatchMonths: null,
        vigilWaveSize: 5,
        vigilWaveIntervalMinutes: 30,
        vigilEscalationMinutes: 120,
        maxVigilHours: 72,
      });
      expect((await create('buddy')).maxVigilHours).toBeNull();
    });

    it('takes a maximum vigil window within bounds (1 to 168 hours), on create and on change', async () => {
      const created = await t.request('POST', '/api/programmes', { token: coordinator, body: { name: 'Korte waken', kind: 'vigil', maxVigilHours: 12 } });
      expect(created.body.maxVigilHours).toBe(12);
      expect((await t.request('PATCH', `/api/programmes/${created.body.id}`, { token: coordinator, body: { maxVigilHours: 48 } })).body.maxVigilHours).toBe(48);
      for (const bad of [0, 169, 2.5, '72']) {
        const refused = await t.request('POST', '/api/programmes', { token: coordinator, body: { name: 'Fout', kind: 'vigil', maxVigilHours: bad } });
        expect(refused.body).toMatchObject(validationFailed('maxVigilHours'));
      }
      const cleared = await t.request('PATCH', `/api/programmes/${created.body.id}`, { token: coordinator, body: { maxVigilHours: null } });
      expect(cleared).toMatchObject({ status: 422, body: { error: 'vigil_settings_required' } });
    });

    it('keeps the other default weights when only some scoring weights are given, on create and on change', async () => {
      const created = await t.request('POST', '/api/programmes', { token: coordinator, body: { name: 'Afstand telt', kind: 'buddy', scoringWeights: { distance: 50 } } });
      expect(created.status).toBe(201);
      expect(created.body.scoringWeights).toEqual({ diagnosis: 15, age: 15, distance: 50, availability: 25, load: 10, continuity: 10 });

      const patched = await t.request('PATCH', `/api/programmes/${created.body.id}`, { token: coordinator, body: { scoringWeights: { age: 0 } } });
      expect(patched.status).toBe(200);
      expect(patched.body.scoringWeights).toEqual({ diagnosis: 15, age: 0, distance: 50, availability: 25, load: 10, continuity: 10 });
    });

    it('keeps the rest of the follow-up schedule when one part of it is changed', async () => {
      const created = await t.request('POST', '/api/programmes', { token: coordinator, body: { name: 'Vroeg contact', kind: 'buddy', followUpSchedule: { firstContactDays: 3 } } });
      expect(created.body.followUpSchedule).toEqual({ firstContactDays: 3, evaluationWeeks: 6, thenEveryMonths: 3, durationReviewWeeksBefore: 4 });
    });

    it('takes explicit settings over the defaults, including no maximum duration', async () => {
      const created = await t.request('POST', '/api/programmes', {
        token: coordinator,
        body: { name: 'Open einde', kind: 'buddy', maxMatchMonths: null, requiredCredentials: ['vog'], maxDistanceKm: 40 },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ maxMatchMonths: null, requiredCredentials: ['vog'], maxDistanceKm: 40 });
    });
  });

  describe('rules across fields', () => {
    it('cannot change the kind of a programme: kind is an unknown field on PATCH (400)', async () => {
      const response = await t.request('PATCH', `/api/programmes/${buddyId}`, { token: coordinator, body: { kind: 'vigil' } });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject(validationFailed('kind'));
      expect((await t.request('GET', `/api/programmes/${buddyId}`, { token: coordinator })).body.kind).toBe('buddy');
    });

    it('refuses scoring weights that are all zero with 422 invalid_weights, on create and on change', async () => {
      const zero = { diagnosis: 0, age: 0, distance: 0, availability: 0, load: 0, continuity: 0 };
      const created = await t.request('POST', '/api/programmes', { token: coordinator, body: { name: 'Nul', kind: 'buddy', scoringWeights: zero } });
      expect(created.status).toBe(422);
      expect(created.body).toEqual({ statusCode: 422, error: 'invalid_weights', message: expect.any(String) });

      const patched = await t.request('PATCH', `/api/programmes/${buddyId}`, { token: coordinator, body: { scoringWeights: zero } });
      expect(patched).toMatchObject({ status: 422, body: { error: 'invalid_weights' } });
      const after = await t.request('GET', `/api/programmes/${buddyId}`, { token: coordinator });
      expect(after.body.scoringWeights).toEqual({ diagnosis: 15, age: 15, distance: 25, availability: 25, load: 10, continuity: 10 });
    });

    it('refuses to clear a vigil setting of a vigil programme (422 vigil_settings_required), and keeps it', async () => {
      const vigil = await t.given.programme(orgId, 'vigil');
      const response = await t.request('PATCH', `/api/programmes/${vigil.id}`, { token: coordinator, body: { vigilWaveSize: null } });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({ statusCode: 422, error: 'vigil_settings_required', message: expect.any(String) });
      expect((await t.request('GET', `/api/programmes/${vigil.id}`, { token: coordinator })).body.vigilWaveSize).toBe(5);

      const created = await t.request('POST', '/api/programmes', { token: coordinator, body: { name: 'Waken zonder escalatie', kind: 'vigil', vigilEscalationMinutes: null } });
      expect(created).toMatchObject({ status: 422, body: { error: 'vigil_settings_required' } });
    });

    it('lets vigil settings be changed on a vigil programme', async () => {
      const vigil = await t.given.programme(orgId, 'vigil');
      const response = await t.request('PATCH', `/api/programmes/${vigil.id}`, { token: coordinator, body: { vigilWaveSize: 8, vigilWaveIntervalMinutes: 15 } });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ vigilWaveSize: 8, vigilWaveIntervalMinutes: 15, vigilEscalationMinutes: 120 });
    });
  });

  describe('malformed input', () => {
    it.each([
      ['an unknown kind', { name: 'X', kind: 'hospice_at_home' }, 'kind'],
      ['a missing kind', { name: 'X' }, 'kind'],
      ['an empty name', { name: '   ', kind: 'buddy' }, 'name'],
      ['a negative maxDistanceKm', { name: 'X', kind: 'buddy', maxDistanceKm: -5 }, 'maxDistanceKm'],
      ['a string where a number is expected', { name: 'X', kind: 'buddy', maxDistanceKm: '15' }, 'maxDistanceKm'],
      ['a fractional maxMatchMonths', { name: 'X', kind: 'buddy', maxMatchMonths: 1.5 }, 'maxMatchMonths'],
      ['an unknown credential type', { name: 'X', kind: 'buddy', requiredCredentials: ['vog', 'driving_licence'] }, 'requiredCredentials'],
      ['an unknown diagnosis group', { name: 'X', kind: 'buddy', diagnosisGroups: ['flu'] }, 'diagnosisGroups'],
      ['a weight above 100', { name: 'X', kind: 'buddy', scoringWeights: { distance: 101 } }, 'scoringWeights.distance'],
      ['a weight that is text', { name: 'X', kind: 'buddy', scoringWeights: { age: 'high' } }, 'scoringWeights.age'],
      ['an unknown weight', { name: 'X', kind: 'buddy', scoringWeights: { charm: 10 } }, 'scoringWeights.charm'],
      ['an unknown field', { name: 'X', kind: 'buddy', colour: 'blue' }, 'colour'],
    ])('answers 400 with the error shape for %s', async (_, body, field) => {
      const response = await t.request('POST', '/api/programmes', { token: coordinator, body });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject(validationFailed(field));
    });

    it.each([
      ['a null name', { name: null }],
      ['a null maxDistanceKm', { maxDistanceKm: null }],
      ['null requiredCredentials', { requiredCredentials: null }],
      ['a null active', { active: null }],
      ['a negative maxDistanceKm', { maxDistanceKm: -1 }],
      ['a string where a number is expected', { minClientAge: 'seventy' }],
    ])('answers a PATCH with %s with a 4xx, never a 500, and changes nothing', async (_, body) => {
      const response = await t.request('PATCH', `/api/programmes/${buddyId}`, { token: coordinator, body });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body).toMatchObject({ statusCode: response.status, error: expect.any(String), message: expect.any(String) });
      const after = (await t.request('GET', `/api/programmes/${buddyId}`, { token: coordinator })).body;
      expect(after).toMatchObject({ name: 'Buddyzorg Utrecht', maxDistanceKm: 15, requiredCredentials: ['vog', 'basic_training'] });
    });
  });

  describe('listing', () => {
    let token: string;

    beforeAll(async () => {
      const org = await t.given.organisation();
      token = await t.login(org.admin.email);
      for (const [name, kind] of [
        ['A buddy', 'buddy'],
        ['B waken', 'vigil'],
        ['C buddy', 'buddy'],
        ['D waken', 'vigil'],
        ['E praktisch', 'practical'],
      ] as const) {
        await t.given.programme(org.organisation.id, kind, { name, active: name !== 'C buddy' });
      }
    });

    it('lists by name, and filters by kind', async () => {
      const all = await t.request('GET', '/api/programmes', { token });
      expect(all.body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
      expect(all.body.items.map((p: { name: string }) => p.name)).toEqual(['A buddy', 'B waken', 'C buddy', 'D waken', 'E praktisch']);

      const vigil = await t.request('GET', '/api/programmes?kind=vigil', { token });
      expect(vigil.status).toBe(200);
      expect(vigil.body.total).toBe(2);
      expect(vigil.body.items.map((p: { name: string; kind: string }) => [p.name, p.kind])).toEqual([
        ['B waken', 'vigil'],
        ['D waken', 'vigil'],
      ]);
    });

    it('filters by active', async () => {
      const inactive = await t.request('GET', '/api/programmes?active=false', { token });
      expect(inactive.body.items.map((p: { name: string }) => p.name)).toEqual(['C buddy']);
      const active = await t.request('GET', '/api/programmes?active=true&kind=buddy', { token });
      expect(active.body.items.map((p: { name: string }) => p.name)).toEqual(['A buddy']);
    });

    it('paginates with page and pageSize', async () => {
      const first = await t.request('GET', '/api/programmes?page=1&pageSize=2', { token });
      const third = await t.request('GET', '/api/programmes?page=3&pageSize=2', { token });
      const beyond = await t.request('GET', '/api/programmes?page=4&pageSize=2', { token });
      expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 5 });
      expect(first.body.items.map((p: { name: string }) => p.name)).toEqual(['A buddy', 'B waken']);
      expect(third.body.items.map((p: { name: string }) => p.name)).toEqual(['E praktisch']);
      expect(beyond.body).toMatchObject({ total: 5, items: [] });
    });

    it.each([
      ['an unknown kind', 'kind=hospice'],
      ['a pageSize above 100', 'pageSize=101'],
      ['page 0', 'page=0'],
      ['a page that is not a number', 'page=two'],
      ['an active that is not a boolean', 'active=yes'],
      ['an unknown filter', 'colour=blue'],
    ])('answers 400 for %s in the query', async (_, query) => {
      const response = await t.request('GET', `/api/programmes?${query}`, { token });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'validation_failed', message: expect.any(String) });
    });
  });
});
