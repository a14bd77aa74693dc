import { JobName, QueueName, Queues } from '@app/outbox';
import { Role } from '@app/identity';
import { VigilAlertedHandler, VigilEscalateHandler, VigilFinishHandler } from '@app/matches';
import { VigilWaveHandler } from '@app/matching';
import { Request } from '@app/referrals';
import { startTestApp, TestApp } from '../support/test-app';
import { HOUR, EVERY_SLOT, night } from '../support/vigil-times';

describe('Urgent vigil offers', () => {
  let t: TestApp;
  let org: string;
  let coordinator: string;
  let programmeId: string;
  let sourceId: string;
  let waves: VigilWaveHandler;

  /** A vigil volunteer with a login, free day and night, `km` north of the client. */
  async function vigilVolunteer(km = 1, extra: Record<string, unknown> = {}, organisationId = org) {
    const v = await t.given.volunteerWithLogin(organisationId, { kinds: ['vigil'], availability: EVERY_SLOT as never, lat: 52.0937 + km / 111.195, lon: 5.1177, maxConcurrentClients: 25, ...extra }, ['vog', 'vigil_training']);
    return { ...v, token: await t.login(v.email) };
  }

  async function vigilRequest(days: number): Promise<Request> {
    return t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId, vigilWindow: night(days), desiredSlots: [], startDate: null });
  }

  const offers = (requestId: string) =>
    t.dataSource.query(`SELECT id, volunteer_id, wave, status FROM vigil_offer WHERE request_id = $1 ORDER BY wave, score DESC`, [requestId]) as Promise<
      Array<{ id: string; volunteer_id: string; wave: number; status: string }>
    >;
  const outbox = (dedupeKey: string) => t.dataSource.query(`SELECT topic, payload, available_at FROM outbox_event WHERE dedupe_key = $1`, [dedupeKey]);

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    org = (await t.given.organisation()).organisation.id;
    coordinator = await t.login((await t.given.user(org, Role.Coordinator)).email);
    programmeId = (await t.given.programme(org, 'vigil', { vigilWaveSize: 2, vigilWaveIntervalMinutes: 30, vigilEscalationMinutes: 60 })).id;
    sourceId = (await t.given.referralSource(org)).id;
    waves = t.app.get(VigilWaveHandler);
  });
  afterAll(() => t.close());

  describe('waves', () => {
    let request: Request;
    let volunteers: Array<Awaited<ReturnType<typeof vigilVolunteer>>>;

    beforeAll(async () => {
      // Five volunteers, nearest best; a sixth who is paused is never offered anything.
      volunteers = [];
      for (const km of [1, 2, 3, 4, 5]) volunteers.push(await vigilVolunteer(km));
      await vigilVolunteer(0.5, { status: 'paused' });
      request = await vigilRequest(2);
    });

    it('schedules the first wave, the escalation and the end of the window in the outbox when the request is triaged', async () => {
      const [wave] = await outbox(`vigil.wave:${request.id}:1`);
      expect(wave).toMatchObject({ topic: JobName.VigilWave, payload: { requestId: request.id, organisationId: org, wave: 1 } });
      expect(wave.available_at.getTime()).toBeLessThanOrEqual(Date.now());
      const [escalate] = await outbox(`vigil.escalate:${request.id}`);
      expect(escalate.available_at.getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);
      expect(escalate.available_at.getTime()).toBeLessThan(Date.now() + 61 * 60_000);
      const [finish] = await outbox(`vigil.finish:${request.id}`);
      expect(finish.available_at.getTime()).toBe(request.vigilWindowEnd?.getTime());
      expect(JSON.stringify([wave.payload, escalate.payload, finish.payload])).not.toMatch(/Wilhelmina|Jansen|cancer/);
    });

    it('sends each offer of a wave once, however often the wave job runs, and schedules the next wave once', async () => {
      const payload = { organisationId: org, requestId: request.id, wave: 1, outboxId: 'unused' };
      await waves.handle(payload);
      await Promise.all([waves.handle(payload), waves.handle(payload)]);
      await waves.handle(payload);

      const sent = await offers(request.id);
      expect(sent.map((o) => [o.volunteer_id, o.wave])).toEqual([
        [volunteers[0].volunteerId, 1],
        [volunteers[1].volunteerId, 1],
      ]);
      const notified = await t.dataSource.query(`SELECT dedupe_key FROM notification WHERE kind = 'vigil_offer' AND dedupe_key = ANY($1)`, [sent.map((o) => `vigil.offer:${o.id}`)]);
      expect(notified).toHaveLength(2);
      const next = await outbox(`vigil.wave:${request.id}:2`);
      expect(next).toHaveLength(1);
      expect(next[0].available_at.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    });

    it('offers the next wave to the next best volunteers not asked yet', async () => {
      await waves.handle({ organisationId: org, requestId: request.id, wave: 2, outboxId: 'unused' });
      const sent = await offers(request.id);
      expect(sent.filter((o) => o.wave === 2).map((o) => o.volunteer_id)).toEqual([volunteers[2].volunteerId, volunteers[3].volunteerId]);
    });

    it('shows a volunteer their open offer with only the preview of the client', async () => {
      const list = await t.request('GET', '/api/offers?status=sent', { token: volunteers[0].token });
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({ requestId: request.id, status: 'sent', wave: 1, client: { firstName: 'Wilhelmina', kind: 'vigil', vigilWindow: expect.any(Object) } });
      expect(list.body.items[0].distanceKm).toBe(2); // the volunteer lives 1 km north: within the 2 km band, never the exact figure
      expect(JSON.stringify(list.body)).not.toMatch(/Jansen|cancer_lung|score/);
    });

    it('gives the shift to the first who accepts: a match, a confirmed visit for the window, the other offers withdrawn', async () => {
      const [first, second] = volunteers;
      const offerOf = async (v: typeof first) => (await t.request('GET', `/api/offers?requestId=${request.id}`, { token: v.token })).body.items[0].id;
      const accepted = await t.request('POST', `/api/offers/${await offerOf(second)}/accept`, { token: second.token });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', matchId: expect.any(String) });

      const late = await t.request('POST', `/api/offers/${await offerOf(first)}/accept`, { token: first.token });
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ error: 'offer_taken', message: expect.stringContaining('Een andere vrijwilliger heeft deze wake al op zich genomen') });

      expect((await offers(request.id)).map((o) => o.status).sort()).toEqual(['accepted', 'withdrawn', 'withdrawn', 'withdrawn']);
      expect((await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body.status).toBe('matched');
      const [visit] = await t.dataSource.query(`SELECT status, starts_at, ends_at, volunteer_id FROM visit WHERE match_id = $1`, [accepted.body.matchId]);
      expect(visit).toEqual({ status: 'confirmed', starts_at: request.vigilWindowStart, ends_at: request.vigilWindowEnd, volunteer_id: second.volunteerId });
      // The match shows the address now that the volunteer will go.
      const match = await t.request('GET', `/api/matches/${accepted.body.matchId}`, { token: second.token });
      expect(match.body).toMatchObject({ status: 'active', client: { firstName: 'Wilhelmina', address: expect.any(Object) } });
    });

    it('stops the waves once someone accepted', async () => {
      await waves.handle({ organisationId: org, requestId: request.id, wave: 3, outboxId: 'unused' });
      expect(await offers(request.id)).toHaveLength(4);
      expect(await outbox(`vigil.wave:${request.id}:4`)).toHaveLength(0);
    });

    it('ends the vigil when its window closes: the match ends and the request closes', async () => {
      await t.app.get(VigilFinishHandler).handle({ organisationId: org, requestId: request.id, outboxId: 'unused' });
      const [match] = await t.dataSource.query(`SELECT status, end_reason FROM match WHERE request_id = $1 AND status <> 'withdrawn'`, [request.id]);
      expect(match).toEqual({ status: 'ended', end_reason: 'vigil_ended' });
      expect((await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body).toMatchObject({ status: 'closed', statusReason: 'The vigil ended' });
    });
  });

  describe('escalation', () => {
    it('alerts the coordinators once when nobody accepted before the deadline, and lists the alert', async () => {
      const volunteer = await vigilVolunteer(0.3); // nearer than everyone before, so first in the wave
      const request = await vigilRequest(3);
      await waves.handle({ organisationId: org, requestId: request.id, wave: 1, outboxId: 'unused' });
      const [offer] = await offers(request.id);
      expect(offer.volunteer_id).toBe(volunteer.volunteerId);
      expect((await t.request('POST', `/api/offers/${offer.id}/decline`, { token: volunteer.token, body: { reason: 'Ziek' } })).status).toBe(200);

      const escalate = t.app.get(VigilEscalateHandler);
      await escalate.handle({ organisationId: org, requestId: request.id, outboxId: 'unused' });
      await escalate.handle({ organisationId: org, requestId: request.id, outboxId: 'unused' });
      const alerts = await t.dataSource.query(`SELECT id, offers_sent, offers_declined FROM vigil_alert WHERE request_id = $1`, [request.id]);
      expect(alerts).toEqual([{ id: expect.any(String), offers_sent: expect.any(Number), offers_declined: 1 }]);
      const events = await t.dataSource.query(`SELECT payload FROM outbox_event WHERE topic = 'vigil.alerted' AND payload->>'alertId' = $1`, [alerts[0].id]);
      expect(events).toHaveLength(1);

      await t.app.get(VigilAlertedHandler).handle({ organisationId: org, alertId: alerts[0].id, outboxId: 'unused' });
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'vigil_alert' AND dedupe_key LIKE $1`, [`vigil.alerted:${alerts[0].id}:%`]);
      expect(n).toBe(1); // the one coordinator

      const listed = await t.request('GET', '/api/vigil-alerts?open=true', { token: coordinator });
      expect(listed.body.items.map((a: { requestId: string }) => a.requestId)).toContain(request.id);
      const resolved = await t.request('POST', `/api/vigil-alerts/${alerts[0].id}/resolve`, { token: coordinator });
      expect(resolved.body.resolvedAt).toEqual(expect.any(String));
      const open = await t.request('GET', '/api/vigil-alerts?open=true', { token: coordinator });
      expect(open.body.items.map((a: { id: string }) => a.id)).not.toContain(alerts[0].id);

      // The window ends with nobody there: the offers still open expire, the declined one stays declined.
      await t.app.get(VigilFinishHandler).handle({ organisationId: org, requestId: request.id, outboxId: 'unused' });
      expect((await offers(request.id)).map((o) => o.status).sort()).toEqual(['declined', 'expired']); // a wave of two
      const expired = await t.request('POST', `/api/offers/${offer.id}/accept`, { token: volunteer.token });
      expect(expired).toMatchObject({ status: 409, body: { error: 'offer_declined' } });
    });

    it('raises no alert for a vigil that was accepted', async () => {
      const volunteer = await vigilVolunteer(0.2);
      const request = await vigilRequest(4);
      await waves.handle({ organisationId: org, requestId: request.id, wave: 1, outboxId: 'unused' });
      const own = (await offers(request.id)).find((o) => o.volunteer_id === volunteer.volunteerId);
      expect((await t.request('POST', `/api/offers/${own?.id}/accept`, { token: volunteer.token })).status).toBe(200);
      await t.app.get(VigilEscalateHandler).handle({ organisationId: org, requestId: request.id, outboxId: 'unused' });
      expect(await t.dataSource.query(`SELECT id FROM vigil_alert WHERE request_id = $1`, [request.id])).toEqual([]);
    });
  });

  describe('a volunteer who is no longer available', () => {
    it('withdraws their open offers when they are paused, and refuses their accept', async () => {
      const volunteer = await vigilVolunteer(0.05);
      const request = await vigilRequest(6);
      await waves.handle({ organisationId: org, requestId: request.id, wave: 1, outboxId: 'unused' });
      const own = (await offers(request.id)).find((o) => o.volunteer_id === volunteer.volunteerId);
      expect(own?.status).toBe('sent');
      expect((await t.request('PATCH', `/api/volunteers/${volunteer.volunteerId}`, { token: coordinator, body: { status: 'paused' } })).status).toBe(200);
      expect((await offers(request.id)).find((o) => o.volunteer_id === volunteer.volunteerId)?.status).toBe('withdrawn');
      // Nobody took the vigil: the answer says the offer was withdrawn, not that another volunteer took it.
      expect(await t.request('POST', `/api/offers/${own?.id}/accept`, { token: volunteer.token })).toMatchObject({ status: 409, body: { error: 'offer_withdrawn' } });
      expect((await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body.status).toBe('triaged');
    });

    it('re-checks the hard rules when an offer is accepted: a vigil training removed meanwhile is refused with the rule', async () => {
      const volunteer = await vigilVolunteer(0.04);
      const request = await vigilRequest(7);
      await waves.handle({ organisationId: org, requestId: request.id, wave: 1, outboxId: 'unused' });
      const own = (await offers(request.id)).find((o) => o.volunteer_id === volunteer.volunteerId);
      const record = await t.request('GET', `/api/volunteers/${volunteer.volunteerId}`, { token: coordinator });
      const training = record.body.credentials.find((c: { type: string }) => c.type === 'vigil_training');
      await t.request('DELETE', `/api/volunteers/${volunteer.volunteerId}/credentials/${training.id}`, { token: coordinator });
      const accepted = await t.request('POST', `/api/offers/${own?.id}/accept`, { token: volunteer.token });
      expect(accepted).toMatchObject({ status: 409, body: { error: 'not_eligible', details: { rule: 'credentials' } } });
      expect((await offers(request.id)).find((o) => o.id === own?.id)?.status).toBe('sent');
      expect((await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body.status).toBe('triaged');
    });
  });

  describe('capacity is about time', () => {
    let busyOrg: string;
    let busyProgramme: string;
    let busySource: string;
    let busyCoordinator: string;

    beforeAll(async () => {
      busyOrg = (await t.given.organisation()).organisation.id;
      busyCoordinator = await t.login((await t.given.user(busyOrg, Role.Coordinator)).email);
      busyProgramme = (await t.given.programme(busyOrg, 'vigil', { vigilWaveSize: 5 })).id;
      busySource = (await t.given.referralSource(busyOrg)).id;
    });

    const vigilAt = (window: { start: Date; end: Date }) =>
      t.given.triagedRequest(busyOrg, { programmeId: busyProgramme, referralSourceId: busySource, vigilWindow: window, desiredSlots: [], startDate: null });
    const explain = async (requestId: string) => (await t.request('GET', `/api/requests/${requestId}/candidates?explain=excluded`, { token: busyCoordinator })).body;

    it('after one vigil tonight, a volunteer of one client at most is still a candidate for another night, but not for an overlapping one', async () => {
      const volunteer = await vigilVolunteer(0.1, { maxConcurrentClients: 1 }, busyOrg);
      const tonight = await vigilAt(night(1));
      await waves.handle({ organisationId: busyOrg, requestId: tonight.id, wave: 1, outboxId: 'unused' });
      const [offer] = await offers(tonight.id);
      const accepted = await t.request('POST', `/api/offers/${offer.id}/accept`, { token: volunteer.token });
      expect(accepted.status).toBe(200);

      const march = await vigilAt(night(100));
      expect((await explain(march.id)).candidates.map((c: { volunteerId: string }) => c.volunteerId)).toEqual([volunteer.volunteerId]);
      const overlapping = night(1);
      overlapping.start.setTime(overlapping.start.getTime() + 4 * HOUR);
      overlapping.end.setTime(overlapping.end.getTime() + 4 * HOUR);
      const clash = await vigilAt(overlapping);
      const listed = await explain(clash.id);
      expect(listed.candidates).toEqual([]);
      expect(listed.excluded).toEqual([expect.objectContaining({ volunteerId: volunteer.volunteerId, rule: 'capacity', reason: expect.stringContaining('Al ingepland') })]);

      // The March vigil's offer can be accepted too: a vigil does not fill the volunteer's places.
      await waves.handle({ organisationId: busyOrg, requestId: march.id, wave: 1, outboxId: 'unused' });
      const [marchOffer] = await offers(march.id);
      expect((await t.request('POST', `/api/offers/${marchOffer.id}/accept`, { token: volunteer.token })).status).toBe(200);

      // An ended vigil frees its time.
      expect((await t.request('POST', `/api/matches/${accepted.body.matchId}/end`, { token: busyCoordinator, body: { reason: 'other' } })).status).toBe(200);
      expect((await explain(clash.id)).candidates.map((c: { volunteerId: string }) => c.volunteerId)).toEqual([volunteer.volunteerId]);
    });

    it('does not count an active vigil against the places for ongoing support', async () => {
      const volunteer = await vigilVolunteer(0.2, { maxConcurrentClients: 1, kinds: ['vigil', 'buddy'] }, busyOrg);
      await t.request('POST', `/api/volunteers/${volunteer.volunteerId}/credentials`, { token: busyCoordinator, body: { type: 'basic_training', issuedOn: '2024-01-01' } });
      const tonight = await vigilAt(night(2));
      await waves.handle({ organisationId: busyOrg, requestId: tonight.id, wave: 1, outboxId: 'unused' });
      const offer = (await offers(tonight.id)).find((o) => o.volunteer_id === volunteer.volunteerId);
      expect((await t.request('POST', `/api/offers/${offer?.id}/accept`, { token: volunteer.token })).status).toBe(200);

      const buddyProgramme = (await t.given.programme(busyOrg, 'buddy')).id;
      const buddy = await t.given.triagedRequest(busyOrg, { programmeId: buddyProgramme, referralSourceId: busySource });
      expect((await explain(buddy.id)).candidates.map((c: { volunteerId: string }) => c.volunteerId)).toContain(volunteer.volunteerId);
      const match = await t.given.proposal(busyOrg, buddy.id, volunteer.volunteerId);
      expect((await t.request('POST', `/api/matches/${match.id}/accept`, { token: volunteer.token })).status).toBe(200);
    });
  });

  describe('a vigil longer than a visit', () => {
    it('covers a 60-hour window with visits of at most 24 hours (24 + 24 + 12), and ending it cancels every one to come', async () => {
      const volunteer = await vigilVolunteer(0.03);
      const start = night(8).start;
      const window = { start, end: new Date(start.getTime() + 60 * HOUR) };
      const request = await t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId, vigilWindow: window, desiredSlots: [], startDate: null });
      await waves.handle({ organisationId: org, requestId: request.id, wave: 1, outboxId: 'unused' });
      const own = (await offers(request.id)).find((o) => o.volunteer_id === volunteer.volunteerId);
      const accepted = await t.request('POST', `/api/offers/${own?.id}/accept`, { token: volunteer.token });
      expect(accepted.status).toBe(200);
      const visits: Array<{ status: string; starts_at: Date; ends_at: Date }> = await t.dataSource.query(`SELECT status, starts_at, ends_at FROM visit WHERE match_id = $1 ORDER BY starts_at`, [accepted.body.matchId]);
      expect(visits.map((v) => (v.ends_at.getTime() - v.starts_at.getTime()) / HOUR)).toEqual([24, 24, 12]);
      expect(visits[0].starts_at).toEqual(window.start);
      expect(visits[2].ends_at).toEqual(window.end);
      expect(visits.every((v, i) => v.status === 'confirmed' && (i === 0 || v.starts_at.getTime() === visits[i - 1].ends_at.getTime()))).toBe(true);

      expect((await t.request('POST', `/api/matches/${accepted.body.matchId}/end`, { token: coordinator, body: { reason: 'other' } })).status).toBe(200);
      const after = await t.dataSource.query(`SELECT status FROM visit WHERE match_id = $1`, [accepted.body.matchId]);
      expect(after.map((v: { status: string }) => v.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    });
  });

  describe('who may do what', () => {
    it("gives a volunteer 404 for someone else's offer, a coordinator 403 for accepting, a referrer 403 everywhere", async () => {
      const owner = await vigilVolunteer(0.1);
      const stranger = await vigilVolunteer(40); // too far to be offered anything
      const request = await vigilRequest(5);
      await waves.handle({ organisationId: org, requestId: request.id, wave: 1, outboxId: 'unused' });
      const offer = (await offers(request.id)).find((o) => o.volunteer_id === owner.volunteerId);
      const referrer = await t.login((await t.given.user(org, Role.Referrer)).email);

      expect((await t.request('POST', `/api/offers/${offer?.id}/accept`, { token: stranger.token })).status).toBe(404);
      expect((await t.request('POST', `/api/offers/${offer?.id}/decline`, { token: stranger.token, body: {} })).status).toBe(404);
      expect((await t.request('GET', '/api/offers', { token: stranger.token })).body.items.map((o: { id: string }) => o.id)).not.toContain(offer?.id);
      expect((await t.request('GET', `/api/offers/${offer?.id}`, { token: stranger.token })).status).toBe(404);
      expect((await t.request('GET', `/api/offers/${offer?.id}`, { token: owner.token })).body).toMatchObject({ id: offer?.id, status: 'sent', client: { firstName: 'Wilhelmina' } });
      expect((await t.request('GET', `/api/offers/${offer?.id}`, { token: referrer })).status).toBe(403);
      expect((await t.request('POST', `/api/offers/${offer?.id}/accept`, { token: coordinator })).status).toBe(403);
      expect((await t.request('GET', '/api/offers', { token: referrer })).status).toBe(403);
      expect((await t.request('POST', `/api/offers/${offer?.id}/accept`, { token: referrer })).status).toBe(403);
      expect((await t.request('GET', '/api/vigil-alerts', { token: referrer })).status).toBe(403);
      expect((await t.request('GET', '/api/vigil-alerts', { token: owner.token })).status).toBe(403);
      // The coordinator follows the offers, with names and scores.
      const followed = await t.request('GET', `/api/offers?requestId=${request.id}`, { token: coordinator });
      expect(followed.body.items[0]).toMatchObject({ volunteer: { firstName: 'Marieke' }, score: expect.any(Number) });
    });
  });

  describe('under load', () => {
    it('lets one volunteer take ten vigils on different nights at once, without a deadlock', async () => {
      const busyOrg = (await t.given.organisation()).organisation.id;
      const programme = (await t.given.programme(busyOrg, 'vigil', { vigilWaveSize: 5 })).id;
      const source = (await t.given.referralSource(busyOrg)).id;
      const volunteer = await vigilVolunteer(0.1, {}, busyOrg);
      const offerIds: string[] = [];
      for (let i = 0; i < 10; i++) {
        const request = await t.given.triagedRequest(busyOrg, { programmeId: programme, referralSourceId: source, vigilWindow: night(40 + i), desiredSlots: [], startDate: null });
        await waves.handle({ organisationId: busyOrg, requestId: request.id, wave: 1, outboxId: 'unused' });
        offerIds.push(...(await offers(request.id)).map((o) => o.id));
      }
      const statuses = await Promise.all(offerIds.map((id) => t.request('POST', `/api/offers/${id}/accept`, { token: volunteer.token }).then((r) => r.status)));
      expect(statuses).toEqual(Array(10).fill(200));
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM match WHERE volunteer_id = $1 AND status = 'active'`, [volunteer.volunteerId]);
      expect(n).toBe(10);
    });

    it('gives each of 20 vigils to exactly one of 50 volunteers accepting at once; the rest get 409, nobody a 5xx', async () => {
      // An organisation of its own, so these 50 are the only volunteers who can be offered the vigils.
      const crowdOrg = (await t.given.organisation()).organisation.id;
      const programme = (await t.given.programme(crowdOrg, 'vigil', { vigilWaveSize: 50, vigilWaveIntervalMinutes: 30, vigilEscalationMinutes: 60 })).id;
      const source = (await t.given.referralSource(crowdOrg)).id;
      const crowd: Array<Awaited<ReturnType<typeof vigilVolunteer>>> = [];
      for (let i = 0; i < 50; i++) crowd.push(await vigilVolunteer(0.1 + i * 0.01, {}, crowdOrg));
      const requests: Request[] = [];
      for (let i = 0; i < 20; i++) {
        // One night each, so nobody's visits overlap however many vigils they win.
        requests.push(await t.given.triagedRequest(crowdOrg, { programmeId: programme, referralSourceId: source, vigilWindow: night(10 + i), desiredSlots: [], startDate: null }));
        await waves.handle({ organisationId: crowdOrg, requestId: requests[i].id, wave: 1, outboxId: 'unused' });
      }
      const offerIds = new Map<string, string>(); // `${request}:${volunteer}` → offer
      const rows = await t.dataSource.query(`SELECT id, request_id, volunteer_id FROM vigil_offer WHERE request_id = ANY($1)`, [requests.map((r) => r.id)]);
      for (const row of rows) offerIds.set(`${row.request_id}:${row.volunteer_id}`, row.id);
      expect(offerIds.size).toBe(20 * 50);

      const responses = await Promise.all(
        requests.flatMap((request) =>
          crowd.map((v) => t.request('POST', `/api/offers/${offerIds.get(`${request.id}:${v.volunteerId}`)}/accept`, { token: v.token }).then((r) => ({ request: request.id, status: r.status, error: r.body.error }))),
        ),
      );
      expect(responses.filter((r) => r.status >= 500)).toEqual([]);
      expect(responses.filter((r) => r.status !== 200 && r.status !== 409)).toEqual([]);
      for (const request of requests) {
        const mine = responses.filter((r) => r.request === request.id);
        expect(mine.filter((r) => r.status === 200)).toHaveLength(1);
        expect(mine.filter((r) => r.status === 409)).toHaveLength(49);
      }
      const perRequest = await t.dataSource.query(
        `SELECT r.status,
                (SELECT count(*)::int FROM vigil_offer o WHERE o.request_id = r.id AND o.status = 'accepted') AS accepted,
                (SELECT count(*)::int FROM vigil_offer o WHERE o.request_id = r.id AND o.status = 'withdrawn') AS withdrawn,
                (SELECT count(*)::int FROM match m WHERE m.request_id = r.id AND m.status = 'active') AS matches,
                (SELECT count(*)::int FROM visit v JOIN match m ON m.id = v.match_id WHERE m.request_id = r.id) AS visits
           FROM request r WHERE r.id = ANY($1)`,
        [requests.map((r) => r.id)],
      );
      expect(perRequest).toEqual(Array(20).fill({ status: 'matched', accepted: 1, withdrawn: 49, matches: 1, visits: 1 }));
    }, 120_000);
  });
});

describe('Vigil waves through the real queue', () => {
  let t: TestApp;

  beforeAll(async () => (t = await startTestApp({ withWorker: true, env: { OUTBOX_POLL_MS: '50' } })));
  afterAll(() => t.close());

  it('sends the first wave on its own after triage, via the outbox relay and the vigil queue', async () => {
    const org = (await t.given.organisation()).organisation.id;
    await t.given.user(org, Role.Coordinator);
    const programmeId = (await t.given.programme(org, 'vigil')).id;
    const referralSourceId = (await t.given.referralSource(org)).id;
    const volunteer = await t.given.volunteerWithLogin(org, { kinds: ['vigil'], availability: EVERY_SLOT as never }, ['vog', 'vigil_training']);
    const request = await t.given.triagedRequest(org, { programmeId, referralSourceId, vigilWindow: night(1), desiredSlots: [], startDate: null });

    let sent: Array<{ volunteer_id: string }> = [];
    for (let i = 0; i < 100 && sent.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      sent = await t.dataSource.query(`SELECT volunteer_id FROM vigil_offer WHERE request_id = $1`, [request.id]);
    }
    expect(sent).toEqual([{ volunteer_id: volunteer.volunteerId }]);
    const job = await t.app.get(Queues).get(QueueName.Vigil).getJobs(['completed']);
    expect(job.map((j) => j.name)).toContain(JobName.VigilWave);
    expect(job.filter((j) => j.name === JobName.VigilWave).every((j) => Object.keys(j.data).sort().join() === 'organisationId,outboxId,requestId,wave')).toBe(true);
    // The same queue carries the urgent deliveries of the offers: ids only, too.
    expect(job.filter((j) => j.name === JobName.NotificationDeliverUrgent).every((j) => Object.keys(j.data).sort().join() === 'deliveryId,organisationId,outboxId')).toBe(true);
  });
});
