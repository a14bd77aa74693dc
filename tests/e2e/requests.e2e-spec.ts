import { Role } from '@app/identity';
import { startTestApp, TestApp } from '../support/test-app';

describe('Requests', () => {
  let t: TestApp;
  let orgId: string;
  let programmeId: string;
  let sourceA: string;
  let sourceB: string;
  let coordinator: string;
  let referrerA: string;
  let referrerB: string;
  let volunteer: string;
  let admin: string;

  const newRequest = (overrides: Record<string, unknown> = {}) => ({
    programmeId,
    desiredSlots: [{ day: 'wed', part: 'morning' }],
    frequency: 'weekly',
    startDate: '2027-02-01',
    needs: { social: 'Weinig bezoek', spiritual: 'Wil praten over het leven' },
    referrerContact: { name: 'Sanne Visser', email: 's.visser@buurtzorg.example', role: 'wijkverpleegkundige' },
    client: {
      firstName: 'Johanna',
      lastName: 'Bakker',
      birthDate: '1938-02-14',
      gender: 'female',
      diagnosisGroup: 'heart_failure',
      diagnosisDetails: 'NYHA klasse IV',
      livingSituation: 'alone',
      consentGivenBy: 'client',
      lat: 52.1,
      lon: 5.11,
      city: 'Utrecht',
    },
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    const org = await t.given.organisation();
    orgId = org.organisation.id;
    admin = await t.login(org.admin.email);
    programmeId = (await t.given.programme(orgId, 'buddy', { minClientAge: 65 })).id;
    sourceA = (await t.given.referralSource(orgId)).id;
    sourceB = (await t.given.referralSource(orgId)).id;
    coordinator = await t.login((await t.given.user(orgId, Role.Coordinator)).email);
    referrerA = await t.login((await t.given.user(orgId, Role.Referrer, { referralSourceId: sourceA })).email);
    referrerB = await t.login((await t.given.user(orgId, Role.Referrer, { referralSourceId: sourceB })).email);
    volunteer = await t.login((await t.given.user(orgId, Role.Volunteer)).email);
  });
  afterAll(() => t.close());

  const auditFor = (resourceId: string) =>
    t.dataSource.query(
      `SELECT action, outcome, actor_user_id, actor_role, organisation_id, client_id, request_id FROM audit_event WHERE resource_type = 'request' AND resource_id = $1 ORDER BY id`,
      [resourceId],
    );

  it('lets a referrer submit a request with a new client in one call, for their own source', async () => {
    const response = await t.request('POST', '/api/requests', { token: referrerA, body: newRequest() });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'submitted',
      kind: 'buddy',
      referralSourceId: sourceA,
      desiredSlots: [{ day: 'wed', part: 'morning' }],
      location: { lat: 52.1, lon: 5.11, city: 'Utrecht' },
      client: { firstName: 'Johanna', diagnosisGroup: 'heart_failure', diagnosisDetails: 'NYHA klasse IV' },
    });
    expect(response.body.coordinatorNotes).toBeUndefined();

    const [audit] = await auditFor(response.body.id);
    expect(audit).toMatchObject({ action: 'create', outcome: 'success', actor_role: 'referrer', organisation_id: orgId, client_id: response.body.client.id });
    expect(audit.actor_user_id).toEqual(expect.any(String));
    expect(audit.request_id).toEqual(expect.any(String));
  });

  it('gives a referrer of source B a 404 for a request of source A, and shows them only their own', async () => {
    const created = await t.request('POST', '/api/requests', { token: referrerA, body: newRequest() });
    expect((await t.request('GET', `/api/requests/${created.body.id}`, { token: referrerB })).status).toBe(404);
    expect((await t.request('PATCH', `/api/requests/${created.body.id}`, { token: referrerB, body: { referrerNotes: 'x' } })).status).toBe(404);
    expect((await t.request('POST', `/api/requests/${created.body.id}/cancel`, { token: referrerB, body: { reason: 'x' } })).status).toBe(404);
    const listB = await t.request('GET', '/api/requests', { token: referrerB });
    expect(listB.body.items.map((r: { id: string }) => r.id)).not.toContain(created.body.id);
    const listA = await t.request('GET', '/api/requests', { token: referrerA });
    expect(listA.body.items.every((r: { referralSourceId: string }) => r.referralSourceId === sourceA)).toBe(true);
  });

  it('keeps volunteers and admins away from requests (403)', async () => {
    for (const token of [volunteer, admin]) {
      expect((await t.request('GET', '/api/requests', { token })).status).toBe(403);
      expect((await t.request('POST', '/api/requests', { token, body: newRequest() })).status).toBe(403);
    }
  });

  it('refuses a referrer who names another source with 403', async () => {
    const response = await t.request('POST', '/api/requests', { token: referrerA, body: newRequest({ referralSourceId: sourceB }) });
    expect(response.status).toBe(403);
  });

  it('walks the status machine through every legal transition', async () => {
    const { id } = (await t.request('POST', '/api/requests', { token: referrerA, body: newRequest() })).body;
    const post = (action: string, body: object) => t.request('POST', `/api/requests/${id}/${action}`, { token: coordinator, body });

    const asked = await post('triage', { decision: 'needs_info', reason: 'Graag de gewenste dagdelen aanvullen' });
    expect(asked.body).toMatchObject({ status: 'needs_info', statusReason: 'Graag de gewenste dagdelen aanvullen' });

    // The referrer supplies what was asked: back to submitted.
    const resubmitted = await t.request('PATCH', `/api/requests/${id}`, { token: referrerA, body: { desiredSlots: [{ day: 'fri', part: 'morning' }] } });
    expect(resubmitted.body).toMatchObject({ status: 'submitted', desiredSlots: [{ day: 'fri', part: 'morning' }] });

    const triaged = await post('triage', { decision: 'accept' });
    expect(triaged.body.status).toBe('triaged');
    expect(triaged.body.triagedAt).toEqual(expect.any(String));

    // proposed and matched come with matches; the machine allows them, the API moves there later.
    await t.dataSource.query(`UPDATE request SET status = 'matched', matched_at = now() WHERE id = $1`, [id]);
    const closed = await post('close', { reason: 'Doel bereikt' });
    expect(closed.body).toMatchObject({ status: 'closed', statusReason: 'Doel bereikt' });
    expect(closed.body.closedAt).toEqual(expect.any(String));

    const rejected = (await t.request('POST', '/api/requests', { token: referrerA, body: newRequest() })).body.id;
    expect((await t.request('POST', `/api/requests/${rejected}/triage`, { token: coordinator, body: { decision: 'reject', reason: 'Buiten ons werkgebied' } })).body.status).toBe('rejected');

    const cancelled = (await t.request('POST', '/api/requests', { token: referrerA, body: newRequest() })).body.id;
    const byReferrer = await t.request('POST', `/api/requests/${cancelled}/cancel`, { token: referrerA, body: { reason: 'Cliënt overleden' } });
    expect(byReferrer.body).toMatchObject({ status: 'cancelled', statusReason: 'Cliënt overleden' });
    expect(byReferrer.body.endedAt).toEqual(expect.any(String));
  });

  it('answers illegal transitions with 409 and changes nothing', async () => {
    const { id } = (await t.request('POST', '/api/requests', { token: referrerA, body: newRequest() })).body;
    const close = await t.request('POST', `/api/requests/${id}/close`, { token: coordinator, body: { reason: 'x' } });
    expect(close.status).toBe(409);
    expect(close.body).toMatchObject({ error: 'illegal_transition', details: { from: 'submitted', to: 'closed' } });

    await t.request('POST', `/api/requests/${id}/cancel`, { token: coordinator, body: { reason: 'Dubbel aangemeld' } });
    for (const [action, body] of [
      ['cancel', { reason: 'again' }],
      ['triage', { decision: 'accept' }],
      ['triage', { decision: 'reject', reason: 'x' }],
      ['close', { reason: 'x' }],
    ] as const) {
      const response = await t.request('POST', `/api/requests/${id}/${action}`, { token: coordinator, body });
      expect(response.status).toBe(409);
    }
    const after = await t.request('GET', `/api/requests/${id}`, { token: coordinator });
    expect(after.body).toMatchObject({ status: 'cancelled', statusReason: 'Dubbel aangemeld' });
  });

  it("checks the programme's inclusion rules at triage and says which one fails", async () => {
    const young = newRequest({ client: { ...newRequest().client, birthDate: '1970-05-05' } });
    const { id } = (await t.request('POST', '/api/requests', { token: referrerA, body: young })).body;
    const response = await t.request('POST', `/api/requests/${id}/triage`, { token: coordinator, body: { decision: 'accept' } });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: 'inclusion_rule_failed', details: { failures: ['min_age'] } });
    expect(response.body.message).toMatch(/de cliënt is 56; .* vraagt minstens 65/);
    expect((await t.request('GET', `/api/requests/${id}`, { token: coordinator })).body.status).toBe('submitted');
  });

  it('requires a reason to reject or ask for information', async () => {
    const { id } = (await t.request('POST', '/api/requests', { token: referrerA, body: newRequest() })).body;
    const response = await t.request('POST', `/api/requests/${id}/triage`, { token: coordinator, body: { decision: 'reject' } });
    expect(response).toMatchObject({ status: 422, body: { error: 'reason_required' } });
  });

  it('lets a referrer refer a known client of their own source again, but not one of another source', async () => {
    const first = (await t.request('POST', '/api/requests', { token: referrerA, body: newRequest() })).body;
    const { client, ...rest } = newRequest();
    void client;
    const again = await t.request('POST', '/api/requests', { token: referrerA, body: { ...rest, clientId: first.client.id } });
    expect(again.status).toBe(201);
    expect(again.body.client.id).toBe(first.client.id);
    const other = await t.request('POST', '/api/requests', { token: referrerB, body: { ...rest, clientId: first.client.id } });
    expect(other.status).toBe(404);
  });

  it('hides coordinator notes from referrers, and refuses them to write any', async () => {
    const { id } = (await t.request('POST', '/api/requests', { token: referrerA, body: newRequest() })).body;
    await t.request('PATCH', `/api/requests/${id}`, { token: coordinator, body: { coordinatorNotes: 'Dochter is mantelzorger' } });
    expect((await t.request('GET', `/api/requests/${id}`, { token: coordinator })).body.coordinatorNotes).toBe('Dochter is mantelzorger');
    expect((await t.request('GET', `/api/requests/${id}`, { token: referrerA })).body.coordinatorNotes).toBeUndefined();
    expect((await t.request('PATCH', `/api/requests/${id}`, { token: referrerA, body: { coordinatorNotes: 'x' } })).status).toBe(403);
  });

  it('writes exactly one audit row per read of client data, with the client id', async () => {
    const { id, client } = (await t.request('POST', '/api/requests', { token: referrerA, body: newRequest() })).body;
    await t.request('GET', `/api/requests/${id}`, { token: coordinator });
    const rows = await auditFor(id);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['create', 'read']);
    expect(rows[1]).toMatchObject({ actor_role: 'coordinator', organisation_id: orgId, client_id: client.id, outcome: 'success' });

    await t.request('GET', '/api/requests?pageSize=100', { token: coordinator });
    const [search] = await t.dataSource.query(`SELECT details FROM audit_event WHERE action = 'search' AND resource_type = 'request' ORDER BY id DESC LIMIT 1`);
    expect(search.details.clientIds).toContain(client.id);
  });

  it('asks for a vigil window on a vigil request and desired slots on the others (422)', async () => {
    const vigil = (await t.given.programme(orgId, 'vigil')).id;
    const noWindow = await t.request('POST', '/api/requests', { token: referrerA, body: newRequest({ programmeId: vigil }) });
    expect(noWindow).toMatchObject({ status: 422, body: { error: 'vigil_window_required' } });
    const withWindow = await t.request('POST', '/api/requests', {
      token: referrerA,
      body: newRequest({ programmeId: vigil, desiredSlots: [], vigilWindow: { start: '2026-12-01T22:00:00+01:00', end: '2026-12-02T07:00:00+01:00' } }),
    });
    expect(withWindow.status).toBe(201);
    expect(withWindow.body).toMatchObject({ kind: 'vigil', urgency: 'urgent' });
    const noSlots = await t.request('POST', '/api/requests', { token: referrerA, body: newRequest({ desiredSlots: [] }) });
    expect(noSlots).toMatchObject({ status: 422, body: { error: 'desired_slots_required' } });
    const backwards = await t.request('POST', '/api/requests', {
      token: referrerA,
      body: newRequest({ programmeId: vigil, vigilWindow: { start: '2026-12-02T07:00:00+01:00', end: '2026-12-01T22:00:00+01:00' } }),
    });
    expect(backwards).toMatchObject({ status: 422, body: { error: 'vigil_window_invalid' } });
    // The programme's maximum window (72 hours by default): a year is refused, 72 hours is not.
    const year = await t.request('POST', '/api/requests', {
      token: referrerA,
      body: newRequest({ programmeId: vigil, desiredSlots: [], vigilWindow: { start: '2026-12-01T22:00:00+01:00', end: '2027-12-01T22:00:00+01:00' } }),
    });
    expect(year).toMatchObject({ status: 422, body: { error: 'vigil_window_too_long', message: expect.stringContaining('hoogstens 72 uur'), details: { maxVigilHours: 72 } } });
    const longest = await t.request('POST', '/api/requests', {
      token: referrerA,
      body: newRequest({ programmeId: vigil, desiredSlots: [], vigilWindow: { start: '2026-12-01T22:00:00+01:00', end: '2026-12-04T22:00:00+01:00' } }),
    });
    expect(longest.status).toBe(201);
    const stretched = await t.request('PATCH', `/api/requests/${longest.body.id}`, {
      token: referrerA,
      body: { vigilWindow: { start: '2026-12-01T22:00:00+01:00', end: '2026-12-04T23:00:00+01:00' } },
    });
    expect(stretched).toMatchObject({ status: 422, body: { error: 'vigil_window_too_long' } });
    const { id } = (await t.request('POST', '/api/requests', { token: referrerA, body: newRequest() })).body;
    const emptied = await t.request('PATCH', `/api/requests/${id}`, { token: referrerA, body: { desiredSlots: [] } });
    expect(emptied).toMatchObject({ status: 422, body: { error: 'desired_slots_required' } });
  });

  it.each([
    ['an unknown field', { extra: 1 }],
    ['a bad date', { startDate: '2027-02-30' }],
    ['a bad slot', { desiredSlots: [{ day: 'someday', part: 'morning' }] }],
    ['a non-uuid programme', { programmeId: 'abc' }],
    ['a bad postcode', { location: { postcode: '12345', houseNumber: '1' } }],
    ['a latitude out of range', { location: { lat: 95, lon: 5 } }],
    ['a wrong type', { needs: 'lots' }],
  ])('answers %s with 400 in the error shape', async (_, overrides) => {
    const response = await t.request('POST', '/api/requests', { token: referrerA, body: newRequest(overrides) });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'validation_failed', message: expect.any(String) });
  });
});
