import { Role } from '@app/identity';
import { startTestApp, TestApp } from '../support/test-app';

describe('Ranking candidates and proposing a match', () => {
  let t: TestApp;
  let org: string;
  let coordinator: string;
  let referrer: string;
  let programmeId: string;
  let sourceId: string;
  const vog = { type: 'vog', issuedOn: '2025-01-01', expiresOn: '2030-01-01' };
  const training = { type: 'basic_training', issuedOn: '2024-01-01' };

  /** A buddy volunteer in Utrecht with the credentials the programme asks; `km` north of the Dom. */
  async function volunteer(name: string, km: number, extra: Record<string, unknown> = {}, credentials = [vog, training]) {
    const v = await t.given.volunteer(org, { firstName: name, lat: 52.0907 + km / 111.195, lon: 5.1214, maxTravelKm: 15, ...extra });
    for (const c of credentials) await t.request('POST', `/api/volunteers/${v.volunteer.id}/credentials`, { token: coordinator, body: c });
    return v.volunteer.id;
  }

  async function triagedRequest(extra: Record<string, unknown> = {}) {
    const request = await t.given.request(org, { programmeId, referralSourceId: sourceId, ...extra });
    await t.request('POST', `/api/requests/${request.id}/triage`, { token: coordinator, body: { decision: 'accept' } });
    return request;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const a = await t.given.organisation();
    org = a.organisation.id;
    coordinator = await t.login((await t.given.user(org, Role.Coordinator)).email);
    referrer = await t.login((await t.given.user(org, Role.Referrer)).email);
    programmeId = (await t.given.programme(org, 'buddy')).id;
    sourceId = (await t.given.referralSource(org)).id;
  });
  afterAll(() => t.close());

  it('ranks eligible volunteers by score with a reason per component, and explains who was excluded', async () => {
    const near = await volunteer('Dichtbij', 0.5, { experienceDiagnoses: ['cancer_lung'] });
    const far = await volunteer('Verder', 8);
    const noVog = await volunteer('ZonderVog', 1, {}, [training]);
    const paused = await volunteer('Gepauzeerd', 1, { status: 'paused' });
    const evenings = await volunteer('Avonden', 1, { availability: [{ day: 'wed', part: 'evening' }] });
    const request = await triagedRequest();

    const response = await t.request('GET', `/api/requests/${request.id}/candidates?limit=10&explain=excluded`, { token: coordinator });
    expect(response.status).toBe(200);
    const ids = response.body.candidates.map((c: { volunteerId: string }) => c.volunteerId);
    expect(ids.slice(0, 2)).toEqual([near, far]);
    expect(ids).not.toEqual(expect.arrayContaining([noVog, paused, evenings]));
    const best = response.body.candidates[0];
    expect(best.score).toBeGreaterThan(response.body.candidates[1].score);
    expect(best.components.map((c: { reason: string }) => c.reason)).toEqual(expect.arrayContaining(['Ervaring met longkanker', 'Beschikbaar op dinsdagmiddag']));

    const excluded = Object.fromEntries(response.body.excluded.map((e: { volunteerId: string; rule: string; reason: string }) => [e.volunteerId, e]));
    expect(excluded[noVog]).toMatchObject({ rule: 'credentials', reason: 'Geen geldige VOG op 2027-01-04' });
    expect(excluded[paused]).toMatchObject({ rule: 'status', reason: 'Vrijwilliger is gepauzeerd' });
    expect(excluded[evenings]).toMatchObject({ rule: 'availability' });

    // A coordinator who reads English gets the same reasons in English.
    expect((await t.request('PATCH', '/api/me', { token: coordinator, body: { locale: 'en' } })).status).toBe(200);
    const inEnglish = await t.request('GET', `/api/requests/${request.id}/candidates?limit=10&explain=excluded`, { token: coordinator });
    expect(inEnglish.body.candidates[0].components.map((c: { reason: string }) => c.reason)).toEqual(expect.arrayContaining(['Experience with lung cancer', 'Free on tue afternoon']));
    expect(inEnglish.body.excluded.find((e: { volunteerId: string }) => e.volunteerId === noVog)).toMatchObject({ reason: 'No valid VOG on 2027-01-04' });
    expect((await t.request('PATCH', '/api/me', { token: coordinator, body: { locale: 'nl' } })).status).toBe(200);
  });

  it('answers a request nobody can take with an empty list and the reasons, never an error', async () => {
    const request = await triagedRequest({ desiredSlots: [{ day: 'sun', part: 'night' }] });
    const response = await t.request('GET', `/api/requests/${request.id}/candidates?explain=excluded`, { token: coordinator });
    expect(response.status).toBe(200);
    expect(response.body.candidates).toEqual([]);
    expect(response.body.excluded.length).toBeGreaterThan(0);
    expect(response.body.excluded.every((e: { rule: string }) => typeof e.rule === 'string')).toBe(true);
  });

  it('proposes an eligible volunteer: a proposed match with its score, and the request becomes proposed', async () => {
    const v = await volunteer('Voorstel', 0.2);
    const request = await triagedRequest();
    const proposed = await t.request('POST', `/api/requests/${request.id}/matches`, { token: coordinator, body: { volunteerId: v } });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ requestId: request.id, volunteerId: v, status: 'proposed', score: expect.any(Number) });
    expect((await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body.status).toBe('proposed');
    const [audit] = await t.dataSource.query(`SELECT client_id FROM audit_event WHERE resource_type = 'match' AND resource_id = $1`, [proposed.body.id]);
    expect(audit.client_id).toBe(request.clientId);

    const again = await t.request('POST', `/api/requests/${request.id}/matches`, { token: coordinator, body: { volunteerId: v } });
    expect(again).toMatchObject({ status: 409, body: { error: 'already_proposed' } });
  });

  it('refuses to propose an ineligible volunteer with 409 naming the rule, and changes nothing', async () => {
    const v = await volunteer('Onbevoegd', 0.3, {}, [training]);
    const request = await triagedRequest();
    const response = await t.request('POST', `/api/requests/${request.id}/matches`, { token: coordinator, body: { volunteerId: v } });
    expect(response).toMatchObject({ status: 409, body: { error: 'not_eligible', details: { rule: 'credentials' } } });
    expect(response.body.message).toContain('kan niet worden voorgesteld: Geen geldige VOG');
    expect((await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body.status).toBe('triaged');
  });

  it('keeps referrers out (403) and another organisation out (404)', async () => {
    const request = await triagedRequest();
    expect((await t.request('GET', `/api/requests/${request.id}/candidates`, { token: referrer })).status).toBe(403);
    const other = await t.given.organisation();
    const otherCoordinator = await t.login((await t.given.user(other.organisation.id, Role.Coordinator)).email);
    expect((await t.request('GET', `/api/requests/${request.id}/candidates`, { token: otherCoordinator })).status).toBe(404);
    expect((await t.request('POST', `/api/requests/${request.id}/matches`, { token: otherCoordinator, body: { volunteerId: request.id } })).status).toBe(404);
  });

  describe('why is this volunteer (not) a candidate?', () => {
    const explain = (requestId: string, volunteerId: string, token = coordinator) => t.request('GET', `/api/requests/${requestId}/candidates/${volunteerId}`, { token });

    it('explains an eligible volunteer: every rule passed, and the score with its breakdown', async () => {
      const v = await volunteer('Geschikt', 0.4);
      const request = await triagedRequest();
      const response = await explain(request.id, v);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ requestId: request.id, clientId: request.clientId, volunteerId: v, firstName: 'Geschikt', eligible: true, score: expect.any(Number) });
      expect(response.body.rules.map((r: { rule: string }) => r.rule)).toEqual(['status', 'kind', 'credentials', 'capacity', 'distance', 'availability', 'language', 'excluded']);
      expect(response.body.rules.every((r: { passed: boolean; reason: string }) => r.passed && r.reason.length > 0)).toBe(true);
      expect(response.body.components.map((c: { name: string }) => c.name)).toEqual(['diagnosis', 'age', 'distance', 'availability', 'load', 'continuity']);
      const ranked = (await t.request('GET', `/api/requests/${request.id}/candidates`, { token: coordinator })).body.candidates.find((c: { volunteerId: string }) => c.volunteerId === v);
      expect(response.body.score).toBe(ranked.score);
    });

    it('explains an excluded volunteer: each rule with its outcome, the failing ones with their reason, and no score', async () => {
      const v = await volunteer('Ongeschikt', 1, { status: 'paused', availability: [{ day: 'wed', part: 'evening' }] }, [training]);
      const request = await triagedRequest();
      const response = await explain(request.id, v);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ eligible: false, rule: 'status', reason: 'Vrijwilliger is gepauzeerd' });
      const failed = response.body.rules.filter((r: { passed: boolean }) => !r.passed);
      expect(failed).toEqual([
        { rule: 'status', passed: false, reason: 'Vrijwilliger is gepauzeerd' },
        { rule: 'credentials', passed: false, reason: 'Geen geldige VOG op 2027-01-04' },
        { rule: 'availability', passed: false, reason: 'Op geen van de gewenste tijden beschikbaar' },
      ]);
      expect(response.body.score).toBeUndefined();
      expect(response.body.components).toBeUndefined();
    });

    it('is read-only and audited with the client id, like the candidates list', async () => {
      const v = await volunteer('Gelezen', 0.6);
      const request = await triagedRequest();
      await explain(request.id, v);
      const rows = await t.dataSource.query(`SELECT action, client_id FROM audit_event WHERE resource_type = 'request' AND resource_id = $1 AND details->>'volunteerId' = $2`, [request.id, v]);
      expect(rows).toEqual([{ action: 'read', client_id: request.clientId }]);
      const [{ matches }] = await t.dataSource.query(`SELECT count(*)::int AS matches FROM match WHERE request_id = $1`, [request.id]);
      expect(matches).toBe(0);
      expect((await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body.status).toBe('triaged');
    });

    it("answers 404 for another organisation's volunteer or an unknown one, 403 for referrers, 400 for a bad id", async () => {
      const request = await triagedRequest();
      const other = await t.given.organisation();
      const stranger = await t.given.volunteer(other.organisation.id);
      expect((await explain(request.id, stranger.volunteer.id)).status).toBe(404);
      expect((await explain(request.id, '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f')).status).toBe(404);
      expect((await explain(request.id, await volunteer('Verwijzer', 0.7), referrer)).status).toBe(403);
      expect((await explain(request.id, 'x')).status).toBe(400);
    });
  });

  it('refuses bad input with 400', async () => {
    const request = await triagedRequest();
    expect((await t.request('GET', `/api/requests/${request.id}/candidates?limit=1000`, { token: coordinator })).status).toBe(400);
    expect((await t.request('GET', `/api/requests/${request.id}/candidates?explain=all`, { token: coordinator })).status).toBe(400);
    expect((await t.request('POST', `/api/requests/${request.id}/matches`, { token: coordinator, body: { volunteerId: 'x' } })).status).toBe(400);
  });
});
