import { Role } from '@app/identity';
import { startTestApp, TestApp } from '../support/test-app';

describe('Matches from the volunteer side', () => {
  let t: TestApp;
  let org: string;
  let coordinator: string;
  let programmeId: string;
  let sourceId: string;

  const post = (url: string, token: string, body: unknown = {}) => t.request('POST', url, { token, body });
  const outboxTopics = async (key: string, value: string) =>
    (await t.dataSource.query(`SELECT topic FROM outbox_event WHERE payload->>$1 = $2 ORDER BY topic`, [key, value])).map((r: { topic: string }) => r.topic);

  /** A volunteer with a login, proposed for a new triaged request. */
  async function proposed(volunteerInput = {}) {
    const volunteer = await t.given.volunteerWithLogin(org, volunteerInput);
    const token = await t.login(volunteer.email);
    const request = await t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId });
    const match = await t.given.proposal(org, request.id, volunteer.volunteerId);
    return { volunteer, token, request, match };
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = (await t.given.organisation()).organisation.id;
    coordinator = await t.login((await t.given.user(org, Role.Coordinator)).email);
    programmeId = (await t.given.programme(org, 'buddy')).id;
    sourceId = (await t.given.referralSource(org)).id;
  });
  afterAll(() => t.close());

  it('lets a volunteer see their proposal and accept it: the match starts, the request is matched, and the events are written', async () => {
    const { token, request, match } = await proposed();
    const list = await t.request('GET', '/api/matches?status=proposed', { token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([match.id]);

    const accepted = await post(`/api/matches/${match.id}/accept`, token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: match.id, status: 'active', startedAt: expect.any(String) });
    expect((await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body.status).toBe('matched');
    expect(await outboxTopics('matchId', match.id)).toEqual(['match.started', 'request.matched']);

    // A second tap changes nothing and writes no second event.
    expect((await post(`/api/matches/${match.id}/accept`, token)).status).toBe(200);
    expect(await outboxTopics('matchId', match.id)).toEqual(['match.started', 'request.matched']);
  });

  it('records a decline with its reason, sends the request back to triage, and never proposes that volunteer for the client again', async () => {
    const { volunteer, token, request, match } = await proposed();
    const declined = await post(`/api/matches/${match.id}/decline`, token, { reason: 'too_far', note: 'Te ver fietsen in de winter' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'too_far' });
    expect((await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body.status).toBe('triaged');

    const candidates = await t.request('GET', `/api/requests/${request.id}/candidates?explain=excluded`, { token: coordinator });
    expect(candidates.body.candidates.map((c: { volunteerId: string }) => c.volunteerId)).not.toContain(volunteer.volunteerId);
    expect(candidates.body.excluded).toContainEqual(expect.objectContaining({ volunteerId: volunteer.volunteerId, rule: 'excluded' }));
    const again = await post(`/api/requests/${request.id}/matches`, coordinator, { volunteerId: volunteer.volunteerId });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ rule: 'excluded' });
  });

  it('refuses a decline reason outside the list, and answers a closed proposal with 409 saying what happened', async () => {
    const { token, match } = await proposed();
    const bad = await post(`/api/matches/${match.id}/decline`, token, { reason: 'bored' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('reason');

    const withdrawn = await post(`/api/matches/${match.id}/withdraw`, coordinator, { note: 'Cliënt opgenomen in hospice' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', note: 'Cliënt opgenomen in hospice' });
    const late = await post(`/api/matches/${match.id}/accept`, token);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: 'match_not_open', message: 'De coördinator heeft dit voorstel ingetrokken' });
  });

  it('withdraws the other proposals for the same request when one volunteer accepts', async () => {
    const first = await proposed();
    const other = await t.given.volunteerWithLogin(org);
    const otherMatch = await t.given.proposal(org, first.request.id, other.volunteerId);
    expect((await post(`/api/matches/${first.match.id}/accept`, first.token)).status).toBe(200);
    const late = await post(`/api/matches/${otherMatch.id}/accept`, await t.login(other.email));
    expect(late.status).toBe(409);
    const [row] = await t.dataSource.query(`SELECT status FROM match WHERE id = $1`, [otherMatch.id]);
    expect(row.status).toBe('withdrawn');
  });

  it('ends an active match with a reason: the request closes in plain words, future visits are cancelled, match.ended is written', async () => {
    const { token, request, match } = await proposed();
    await post(`/api/matches/${match.id}/accept`, token);
    const start = new Date(Date.now() + 7 * 86_400_000);
    const visit = await post(`/api/matches/${match.id}/visits`, token, { startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) });
    expect(visit.status).toBe(201);

    const ended = await post(`/api/matches/${match.id}/end`, coordinator, { reason: 'client_died', note: 'Rustig overleden' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endReason: 'client_died', endedAt: expect.any(String) });
    const closed = (await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body;
    expect(closed).toMatchObject({ status: 'closed', statusReason: 'The client died' });
    const [v] = await t.dataSource.query(`SELECT status FROM visit WHERE id = $1`, [visit.body.id]);
    expect(v.status).toBe('cancelled');
    expect(await outboxTopics('matchId', match.id)).toEqual(['match.ended', 'match.started', 'request.matched']);

    const twice = await post(`/api/matches/${match.id}/end`, coordinator, { reason: 'other' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('match_not_active');
  });

  it('counts active matches against the maximum, and no longer counts an ended one', async () => {
    const volunteer = await t.given.volunteerWithLogin(org, { maxConcurrentClients: 1 });
    const token = await t.login(volunteer.email);
    const requestA = await t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId });
    const requestB = await t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId });
    const a = await t.given.proposal(org, requestA.id, volunteer.volunteerId);
    const b = await t.given.proposal(org, requestB.id, volunteer.volunteerId);
    expect((await post(`/api/matches/${a.id}/accept`, token)).status).toBe(200);

    const full = await post(`/api/matches/${b.id}/accept`, token);
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ error: 'capacity_full', details: { active: 1, max: 1 } });
    const ranked = await t.request('GET', `/api/requests/${requestB.id}/candidates?explain=excluded`, { token: coordinator });
    expect(ranked.body.candidates.map((c: { volunteerId: string }) => c.volunteerId)).not.toContain(volunteer.volunteerId);

    await post(`/api/matches/${a.id}/end`, coordinator, { reason: 'goal_reached' });
    expect((await post(`/api/matches/${b.id}/accept`, token)).status).toBe(200);
    const [{ active }] = await t.dataSource.query(`SELECT count(*)::int AS active FROM match WHERE volunteer_id = $1 AND status = 'active'`, [volunteer.volunteerId]);
    expect(active).toBe(1);
  });

  describe('a volunteer who is no longer available', () => {
    it.each(['paused', 'inactive'])('withdraws their open proposals when they become %s: the request goes back to triage and accepting is refused', async (status) => {
      const { volunteer, token, request, match } = await proposed();
      const changed = await t.request('PATCH', `/api/volunteers/${volunteer.volunteerId}`, { token: coordinator, body: { status } });
      expect(changed.status).toBe(200);
      expect((await t.request('GET', `/api/matches/${match.id}`, { token: coordinator })).body).toMatchObject({ status: 'withdrawn' });
      expect((await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body.status).toBe('triaged');
      const accepted = await post(`/api/matches/${match.id}/accept`, token);
      expect(accepted.status).toBe(409);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM match WHERE volunteer_id = $1 AND status = 'active'`, [volunteer.volunteerId]);
      expect(n).toBe(0);
    });

    it('keeps a request proposed while another volunteer is still proposed for it', async () => {
      const { volunteer, request, match } = await proposed();
      const other = await t.given.volunteerWithLogin(org);
      const stays = await t.given.proposal(org, request.id, other.volunteerId);
      await t.request('PATCH', `/api/volunteers/${volunteer.volunteerId}`, { token: coordinator, body: { status: 'paused' } });
      expect((await t.request('GET', `/api/matches/${match.id}`, { token: coordinator })).body.status).toBe('withdrawn');
      expect((await t.request('GET', `/api/matches/${stays.id}`, { token: coordinator })).body.status).toBe('proposed');
      expect((await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body.status).toBe('proposed');
    });

    it('re-checks the hard rules when accepting: a proposal whose volunteer was paused meanwhile is refused with the rule', async () => {
      const { volunteer, token, request, match } = await proposed();
      // As if the pause committed while the proposal was being made (nothing withdrew it).
      await t.dataSource.query(`UPDATE volunteer SET status = 'paused' WHERE id = $1`, [volunteer.volunteerId]);
      const accepted = await post(`/api/matches/${match.id}/accept`, token);
      expect(accepted).toMatchObject({ status: 409, body: { error: 'not_eligible', details: { rule: 'status' } } });
      expect(accepted.body.message).toBe('Dit kan niet meer worden aangenomen: Vrijwilliger is gepauzeerd');
      expect((await t.request('GET', `/api/requests/${request.id}`, { token: coordinator })).body.status).toBe('proposed');
    });

    it('re-checks credentials when accepting: a VOG removed after the proposal is refused with the rule', async () => {
      const { volunteer, token, match } = await proposed();
      const record = await t.request('GET', `/api/volunteers/${volunteer.volunteerId}`, { token: coordinator });
      const vog = record.body.credentials.find((c: { type: string }) => c.type === 'vog');
      expect((await t.request('DELETE', `/api/volunteers/${volunteer.volunteerId}/credentials/${vog.id}`, { token: coordinator })).status).toBe(204);
      const accepted = await post(`/api/matches/${match.id}/accept`, token);
      expect(accepted).toMatchObject({ status: 409, body: { error: 'not_eligible', details: { rule: 'credentials' } } });
    });
  });

  it('withdraws open proposals when the request is cancelled, and refuses to cancel a request with an active match', async () => {
    const open = await proposed();
    const cancelled = await post(`/api/requests/${open.request.id}/cancel`, coordinator, { reason: 'Cliënt overleden' });
    expect(cancelled.body.status).toBe('cancelled');
    const late = await post(`/api/matches/${open.match.id}/accept`, open.token);
    expect(late).toMatchObject({ status: 409, body: { error: 'match_not_open' } });

    const running = await proposed();
    await post(`/api/matches/${running.match.id}/accept`, running.token);
    const refused = await post(`/api/requests/${running.request.id}/cancel`, coordinator, { reason: 'Dubbel aangemeld' });
    expect(refused).toMatchObject({ status: 409, body: { error: 'match_active' } });
    expect((await t.request('GET', `/api/requests/${running.request.id}`, { token: coordinator })).body.status).toBe('matched');
  });

  describe('who may do what', () => {
    it("gives a volunteer 404 for someone else's match, and never lists it", async () => {
      const { match } = await proposed();
      const stranger = await t.login((await t.given.volunteerWithLogin(org)).email);
      for (const action of ['accept', 'decline']) {
        expect((await post(`/api/matches/${match.id}/${action}`, stranger, action === 'decline' ? { reason: 'no_time' } : {})).status).toBe(404);
      }
      expect((await t.request('GET', `/api/matches/${match.id}`, { token: stranger })).status).toBe(404);
      const listed = await t.request('GET', '/api/matches', { token: stranger });
      expect(listed.body.items.map((m: { id: string }) => m.id)).not.toContain(match.id);
    });

    it('refuses referrers and admins every match route with 403', async () => {
      const { match } = await proposed();
      const referrer = await t.login((await t.given.user(org, Role.Referrer)).email);
      const admin = await t.login((await t.given.user(org, Role.Admin)).email);
      for (const token of [referrer, admin]) {
        expect((await t.request('GET', '/api/matches', { token })).status).toBe(403);
        expect((await t.request('GET', `/api/matches/${match.id}`, { token })).status).toBe(403);
        for (const action of ['accept', 'decline', 'withdraw', 'end']) expect((await post(`/api/matches/${match.id}/${action}`, token, { reason: 'other' })).status).toBe(403);
      }
    });

    it('keeps accepting and declining to the volunteer, withdrawing and ending to the coordinator', async () => {
      const { token, match } = await proposed();
      expect((await post(`/api/matches/${match.id}/accept`, coordinator)).status).toBe(403);
      expect((await post(`/api/matches/${match.id}/decline`, coordinator, { reason: 'other' })).status).toBe(403);
      expect((await post(`/api/matches/${match.id}/withdraw`, token)).status).toBe(403);
      expect((await post(`/api/matches/${match.id}/end`, token, { reason: 'other' })).status).toBe(403);
    });

    it("answers another organisation's coordinator with 404", async () => {
      const { match } = await proposed();
      const otherOrg = (await t.given.organisation()).organisation.id;
      const outsider = await t.login((await t.given.user(otherOrg, Role.Coordinator)).email);
      expect((await t.request('GET', `/api/matches/${match.id}`, { token: outsider })).status).toBe(404);
      expect((await post(`/api/matches/${match.id}/withdraw`, outsider)).status).toBe(404);
    });
  });

  describe("the volunteer's view of the client", () => {
    const PREVIEW_FIELDS = ['ageBand', 'desiredSlots', 'firstName', 'frequency', 'kind', 'needs', 'neighbourhood', 'startDate', 'vigilWindow'];
    const VISIT_FIELDS = ['address', 'diagnosisGroup', 'phone', 'supportLocation'];

    async function richRequest() {
      const volunteer = await t.given.volunteerWithLogin(org);
      const token = await t.login(volunteer.email);
      const request = await t.given.triagedRequest(org, {
        programmeId,
        referralSourceId: sourceId,
        needs: { social: 'Weinig bezoek sinds partner overleed' },
        frequency: 'weekly',
        referrerNotes: 'Zoon is lastig in de omgang',
        client: {
          firstName: 'Wilhelmina',
          lastName: 'Jansen',
          birthDate: '1941-09-30',
          diagnosisGroup: 'cancer_lung',
          diagnosisDetails: 'Niet-kleincellig, uitgezaaid naar de botten',
          consentGivenBy: 'client',
          street: 'Oudegracht',
          houseNumber: '12',
          city: 'Utrecht',
          phone: '030-1234567',
          gp: { name: 'Dr. Bakker', phone: '030-7654321' },
          relatives: [{ name: 'Kees Jansen', relation: 'zoon', phone: '06-12345678' }],
          lat: 52.0937,
          lon: 5.1177,
        },
        location: { postcode: '3511 AB', houseNumber: '12', lat: 52.0937, lon: 5.1177 },
      });
      const match = await t.given.proposal(org, request.id, volunteer.volunteerId);
      return { token, match };
    }

    it('before accepting: exactly the first name, age band, neighbourhood, kind, needs and desired times', async () => {
      const { token, match } = await richRequest();
      const { client } = (await t.request('GET', `/api/matches/${match.id}`, { token })).body;
      expect(Object.keys(client).sort()).toEqual(PREVIEW_FIELDS);
      expect(client).toEqual({
        firstName: 'Wilhelmina',
        ageBand: expect.stringMatching(/^(80–89)$/),
        neighbourhood: { postcodeDigits: '3511', city: expect.any(String) },
        kind: 'buddy',
        needs: { social: 'Weinig bezoek sinds partner overleed' },
        desiredSlots: [{ day: 'tue', part: 'afternoon' }],
        frequency: 'weekly',
        startDate: '2027-01-04',
        vigilWindow: null,
      });
      const text = JSON.stringify((await t.request('GET', '/api/matches', { token })).body);
      for (const secret of ['Jansen', 'Oudegracht', '030-1234567', 'cancer_lung', 'Niet-kleincellig', 'Zoon is lastig', 'Dr. Bakker', 'Kees', '1941']) expect(text).not.toContain(secret);
    });

    it('after accepting: also the address and phone to visit and the diagnosis group, never the details, notes or relatives', async () => {
      const { token, match } = await richRequest();
      const accepted = await t.request('POST', `/api/matches/${match.id}/accept`, { token });
      const { client } = accepted.body;
      expect(Object.keys(client).sort()).toEqual([...PREVIEW_FIELDS, ...VISIT_FIELDS].sort());
      expect(client).toMatchObject({
        firstName: 'Wilhelmina',
        diagnosisGroup: 'cancer_lung',
        phone: '030-1234567',
        address: { street: 'Oudegracht', houseNumber: '12', city: 'Utrecht' },
        supportLocation: { postcode: '3511AB', houseNumber: '12' },
      });
      const text = JSON.stringify((await t.request('GET', `/api/matches/${match.id}`, { token })).body);
      for (const secret of ['Jansen', 'Niet-kleincellig', 'Zoon is lastig', 'Dr. Bakker', '030-7654321', 'Kees', '1941-09-30']) expect(text).not.toContain(secret);
    });

    it('goes back to the preview once the match has ended', async () => {
      const { token, match } = await richRequest();
      await t.request('POST', `/api/matches/${match.id}/accept`, { token });
      await t.request('POST', `/api/matches/${match.id}/end`, { token: coordinator, body: { reason: 'goal_reached' } });
      const { client } = (await t.request('GET', `/api/matches/${match.id}`, { token })).body;
      expect(Object.keys(client).sort()).toEqual(PREVIEW_FIELDS);
    });

    it('shows the coordinator both names, the score and the breakdown', async () => {
      const { match } = await richRequest();
      const view = (await t.request('GET', `/api/matches/${match.id}`, { token: coordinator })).body;
      expect(view).toMatchObject({ client: { firstName: 'Wilhelmina', lastName: 'Jansen' }, volunteer: { firstName: 'Marieke' }, score: expect.any(Number) });
      expect(view.breakdown.length).toBeGreaterThan(0);
    });

    it('audits every read of a match with the client id', async () => {
      const { token, match } = await richRequest();
      await t.request('GET', `/api/matches/${match.id}`, { token });
      const rows = await t.dataSource.query(`SELECT actor_role, client_id FROM audit_event WHERE resource_type = 'match' AND resource_id = $1 AND action = 'read'`, [match.id]);
      expect(rows).toEqual([{ actor_role: 'volunteer', client_id: match.clientId }]);
    });
  });
});
