import { Role } from '@app/identity';
import { startTestApp, TestApp } from '../support/test-app';

describe('Batch assignment through the API', () => {
  let t: TestApp;
  let org: string;
  let coordinator: string;
  let programmeId: string;
  let sourceId: string;

  async function volunteer(name: string, km: number, maxConcurrentClients = 1) {
    const v = await t.given.volunteer(org, { firstName: name, lat: 52.0907 + km / 111.195, lon: 5.1214, maxTravelKm: 15, maxConcurrentClients });
    for (const body of [{ type: 'vog', issuedOn: '2025-01-01', expiresOn: '2030-01-01' }, { type: 'basic_training', issuedOn: '2024-01-01' }]) {
      await t.request('POST', `/api/volunteers/${v.volunteer.id}/credentials`, { token: coordinator, body });
    }
    return v.volunteer.id;
  }

  async function triaged(extra: Record<string, unknown> = {}) {
    const request = await t.given.request(org, { programmeId, referralSourceId: sourceId, ...extra });
    await t.request('POST', `/api/requests/${request.id}/triage`, { token: coordinator, body: { decision: 'accept' } });
    return request.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = (await t.given.organisation()).organisation.id;
    coordinator = await t.login((await t.given.user(org, Role.Coordinator)).email);
    programmeId = (await t.given.programme(org, 'buddy')).id;
    sourceId = (await t.given.referralSource(org)).id;
  });
  afterAll(() => t.close());

  it('proposes one volunteer per request within capacities, stores nothing on a dry run, then stores on a real one', async () => {
    const anna = await volunteer('Anna', 0.5, 1);
    const bram = await volunteer('Bram', 3, 2);
    const requests = [await triaged(), await triaged(), await triaged()];
    const nobody = await triaged({ desiredSlots: [{ day: 'sun', part: 'night' }] });

    const dry = await t.request('POST', '/api/matching/assign', { token: coordinator, body: { dryRun: true } });
    expect(dry.status).toBe(200);
    expect(dry.body.proposals).toHaveLength(3);
    const perVolunteer = dry.body.proposals.reduce((n: Record<string, number>, p: { volunteerId: string }) => ({ ...n, [p.volunteerId]: (n[p.volunteerId] ?? 0) + 1 }), {});
    expect(perVolunteer).toEqual({ [anna]: 1, [bram]: 2 });
    expect(dry.body.unassigned).toEqual([{ requestId: nobody, reason: 'Geen geschikte vrijwilliger' }]);
    expect(dry.body.total).toBeCloseTo(dry.body.proposals.reduce((sum: number, p: { score: number }) => sum + p.score, 0), 1);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM match`);
    expect(n).toBe(0);

    const real = await t.request('POST', '/api/matching/assign', { token: coordinator, body: { requestIds: requests } });
    expect(real.body.proposals.every((p: { matchId?: string }) => typeof p.matchId === 'string')).toBe(true);
    const statuses = await t.dataSource.query(`SELECT status FROM request WHERE id = ANY($1)`, [requests]);
    expect(statuses.map((s: { status: string }) => s.status)).toEqual(['proposed', 'proposed', 'proposed']);

    // Proposed requests are no longer open for assignment.
    const again = await t.request('POST', '/api/matching/assign', { token: coordinator, body: { requestIds: requests, dryRun: true } });
    expect(again.body.proposals).toEqual([]);
  });

  it('leaves vigils to their offer waves, and says so for a vigil named in requestIds', async () => {
    const vigilProgramme = (await t.given.programme(org, 'vigil')).id;
    const everySlot = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((day) => ['morning', 'afternoon', 'evening', 'night'].map((part) => ({ day, part })));
    await t.given.volunteerWithLogin(org, { kinds: ['vigil'], availability: everySlot as never, maxConcurrentClients: 5 }, ['vog', 'vigil_training']);
    const start = new Date(Date.now() + 3 * 24 * 3_600_000);
    const vigil = await t.given.triagedRequest(org, { programmeId: vigilProgramme, referralSourceId: sourceId, vigilWindow: { start, end: new Date(start.getTime() + 8 * 3_600_000) }, desiredSlots: [], startDate: null });
    // It is eligible for the waves: the candidates route ranks the volunteer.
    expect((await t.request('GET', `/api/requests/${vigil.id}/candidates`, { token: coordinator })).body.candidates).toHaveLength(1);

    const all = await t.request('POST', '/api/matching/assign', { token: coordinator, body: {} });
    expect(all.status).toBe(200);
    expect(all.body.proposals.map((p: { requestId: string }) => p.requestId)).not.toContain(vigil.id);
    const named = await t.request('POST', '/api/matching/assign', { token: coordinator, body: { requestIds: [vigil.id] } });
    expect(named.body.proposals).toEqual([]);
    expect(named.body.unassigned).toEqual([{ requestId: vigil.id, reason: expect.stringMatching(/wake.*rondes/i) }]);
    const [stored] = await t.dataSource.query(`SELECT status, (SELECT count(*)::int FROM match WHERE request_id = $1) AS matches FROM request WHERE id = $1`, [vigil.id]);
    expect(stored).toEqual({ status: 'triaged', matches: 0 });
  });

  it('refuses referrers (403) and bad input (400)', async () => {
    const referrer = await t.login((await t.given.user(org, Role.Referrer)).email);
    expect((await t.request('POST', '/api/matching/assign', { token: referrer, body: {} })).status).toBe(403);
    expect((await t.request('POST', '/api/matching/assign', { token: coordinator, body: { requestIds: ['x'] } })).status).toBe(400);
    expect((await t.request('POST', '/api/matching/assign', { token: coordinator, body: { dryRun: 'yes' } })).status).toBe(400);
  });
});
