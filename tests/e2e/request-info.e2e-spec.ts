import { randomBytes } from 'node:crypto';
import { Role } from '@app/identity';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually, WebhookReceiver } from '../support/local-receivers';

const SECRET = 'webhook-secret-of-the-home-care-team-0123';

/**
 * What the referrer heard was missing (issue 11, item 6): a request sent back at triage with a
 * question, the referrer's answer that puts it back in the coordinators' queue, and a rejection or
 * cancellation told with its reason. Through the outbox and the worker, against a local webhook.
 */
describe('Needs more information, rejected, cancelled: the referrer hears it and can answer', () => {
  let t: TestApp;
  let webhook: WebhookReceiver;
  let org: string;
  let coordinator: string;
  let coordinatorIds: string[];
  let referrer: string;
  let referrerId: string;
  let otherReferrer: string;
  let programmeId: string;

  const post = (url: string, token: string, body: unknown = {}) => t.request('POST', url, { token, body });
  const hooks = (requestId: string, event: string) => webhook.received.filter((w) => w.body.requestId === requestId && w.body.event === event);
  const notifications = (kind: string, userId?: string): Promise<Array<{ user_id: string; dedupe_key: string }>> =>
    t.dataSource.query(`SELECT user_id, dedupe_key FROM notification WHERE organisation_id = $1 AND kind = $2 AND ($3::uuid IS NULL OR user_id = $3) ORDER BY dedupe_key`, [org, kind, userId ?? null]);
  const messages = async (requestId: string, event: string) =>
    ((await t.request('GET', `/api/requests/${requestId}/feedback`, { token: referrer })).body.items as Array<{ event: string; period: string; text: string }>).filter((m) => m.event === event);
  /** Room for a duplicate to show up, if there were one. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

  const submit = async (): Promise<string> => {
    const response = await post('/api/requests', referrer, {
      programmeId,
      desiredSlots: [{ day: 'tue', part: 'afternoon' }],
      startDate: '2027-01-04',
      referrerContact: { name: 'Sanne Visser', email: 'sanne@example.org' },
      client: { firstName: 'Wilhelmina', lastName: 'Jansen', birthDate: '1941-09-30', diagnosisGroup: 'copd', consentGivenBy: 'client', lat: 52.0937, lon: 5.1177, city: 'Utrecht' },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const askFor = async (requestId: string, question: string) => {
    const response = await post(`/api/requests/${requestId}/triage`, coordinator, { decision: 'needs_info', reason: question });
    expect([response.status, response.body.status]).toEqual([200, 'needs_info']);
  };

  beforeAll(async () => {
    webhook = await new WebhookReceiver(SECRET).start();
    t = await startTestApp({
      withWorker: true,
      env: { OUTBOX_POLL_MS: '50', WEBHOOK_ALLOWED_PRIVATE: '127.0.0.1', WEBHOOK_TIMEOUT_MS: '500', SECRETS_KEY: randomBytes(32).toString('base64') },
    });
    org = (await t.given.organisation()).organisation.id;
    const coordinators = [await t.given.user(org, Role.Coordinator), await t.given.user(org, Role.Coordinator)];
    coordinatorIds = coordinators.map((c) => c.id).sort();
    coordinator = await t.login(coordinators[0].email);
    const sourceId = (await t.given.referralSource(org, { feedbackChannel: 'webhook', webhookUrl: webhook.url, webhookSecret: SECRET })).id;
    const referrerUser = await t.given.user(org, Role.Referrer, { referralSourceId: sourceId });
    referrerId = referrerUser.id;
    referrer = await t.login(referrerUser.email);
    otherReferrer = await t.login((await t.given.user(org, Role.Referrer)).email);
    programmeId = (await t.given.programme(org, 'buddy')).id;
  });
  afterAll(async () => {
    await t.close();
    await webhook.stop();
  });

  it('round trip: the question reaches the referrer, the answer with changes puts the request back in the queue and tells every coordinator once, then triage accepts', async () => {
    const requestId = await submit();
    await askFor(requestId, 'Op welke dagdelen is bezoek gewenst? Dinsdagmiddag kan de dochter er zelf zijn');

    await eventually(async () => hooks(requestId, 'needs_info').length > 0, 10_000, 'the needs_info webhook');
    const [hook] = hooks(requestId, 'needs_info');
    expect(hook.signatureValid).toBe(true);
    expect(hook.body).toMatchObject({ question: 'Op welke dagdelen is bezoek gewenst? Dinsdagmiddag kan de dochter er zelf zijn', round: 1 });
    expect(hook.body.text).toContain('Op welke dagdelen is bezoek gewenst?');
    expect(hook.raw).not.toMatch(/Jansen|copd/);
    await eventually(async () => (await notifications('request_needs_info', referrerId)).length > 0, 10_000, "the referrer's notification");
    expect(await notifications('request_needs_info', referrerId)).toHaveLength(1);

    const asked = await t.request('GET', `/api/requests/${requestId}/info`, { token: referrer });
    expect(asked.status).toBe(200);
    expect(asked.body.items).toEqual([expect.objectContaining({ requestId, round: 1, question: expect.stringContaining('dagdelen'), answer: null, answeredAt: null })]);

    const answered = await post(`/api/requests/${requestId}/info`, referrer, {
      answer: 'Donderdagochtend; de dochter belt vooraf',
      changes: { desiredSlots: [{ day: 'thu', part: 'morning' }], referrerNotes: 'Dochter is contactpersoon' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'submitted', desiredSlots: [{ day: 'thu', part: 'morning' }], referrerNotes: 'Dochter is contactpersoon' });
    expect(answered.body.coordinatorNotes).toBeUndefined();

    const seen = await t.request('GET', `/api/requests/${requestId}/info`, { token: coordinator });
    expect(seen.body.items).toEqual([expect.objectContaining({ round: 1, answer: 'Donderdagochtend; de dochter belt vooraf', answeredByUserId: referrerId, answeredAt: expect.any(String) })]);

    await eventually(async () => (await notifications('request_info_received')).length >= coordinatorIds.length, 10_000, "the coordinators' notifications");
    await settle();
    expect((await notifications('request_info_received')).map((r) => r.user_id).sort()).toEqual(coordinatorIds);

    const accepted = await post(`/api/requests/${requestId}/triage`, coordinator, { decision: 'accept' });
    expect([accepted.status, accepted.body.status]).toEqual([200, 'triaged']);
    expect(await messages(requestId, 'needs_info')).toHaveLength(1);
  });

  it('a second round of questions gets its own message, notification and exchange; a coordinator may answer for the referrer', async () => {
    const requestId = await submit();
    await askFor(requestId, 'Welke dagdelen?');
    expect((await post(`/api/requests/${requestId}/info`, referrer, { answer: 'Dinsdagmiddag' })).status).toBe(200);
    await askFor(requestId, 'En wie is de contactpersoon?');

    await eventually(async () => hooks(requestId, 'needs_info').length >= 2, 10_000, 'two needs_info webhooks');
    await settle();
    expect(hooks(requestId, 'needs_info').map((w) => [w.body.round, w.body.question]).sort()).toEqual([
      [1, 'Welke dagdelen?'],
      [2, 'En wie is de contactpersoon?'],
    ]);
    expect((await messages(requestId, 'needs_info')).map((m) => m.period).sort()).toEqual(['1', '2']);
    const keys = (await notifications('request_needs_info', referrerId)).map((r) => r.dedupe_key);
    const exchanges = (await t.request('GET', `/api/requests/${requestId}/info`, { token: referrer })).body.items;
    expect(exchanges.map((e: { round: number; answer: string | null }) => [e.round, e.answer])).toEqual([
      [1, 'Dinsdagmiddag'],
      [2, null],
    ]);
    expect(keys).toEqual(expect.arrayContaining(exchanges.map((e: { id: string }) => `request.needs-info:${e.id}`)));

    const forThem = await post(`/api/requests/${requestId}/info`, coordinator, { answer: 'Telefonisch doorgegeven: de dochter' });
    expect([forThem.status, forThem.body.status]).toEqual([200, 'submitted']);
  });

  it("a referrer's plain change of a request that needed information answers it too: the round closes and the coordinators hear it", async () => {
    const requestId = await submit();
    await askFor(requestId, 'Welke dagdelen?');
    const changed = await t.request('PATCH', `/api/requests/${requestId}`, { token: referrer, body: { desiredSlots: [{ day: 'fri', part: 'morning' }] } });
    expect([changed.status, changed.body.status]).toEqual([200, 'submitted']);

    const [round] = (await t.request('GET', `/api/requests/${requestId}/info`, { token: coordinator })).body.items;
    expect(round).toMatchObject({ answer: null, answeredByUserId: referrerId, answeredAt: expect.any(String) });
    const key = `request.info-received:${round.id}:`;
    await eventually(async () => (await notifications('request_info_received')).filter((r) => r.dedupe_key.startsWith(key)).length >= coordinatorIds.length, 10_000, "the coordinators' notifications");
  });

  it('refuses a referrer of another source (404), a request that waits for no answer (409) and bad answers (4xx), changing nothing', async () => {
    const requestId = await submit();
    const early = await post(`/api/requests/${requestId}/info`, referrer, { answer: 'Nog niets gevraagd' });
    expect([early.status, early.body.error]).toEqual([409, 'illegal_transition']);

    await askFor(requestId, 'Welke dagdelen?');
    const stranger = await post(`/api/requests/${requestId}/info`, otherReferrer, { answer: 'Ik ken deze cliënt niet' });
    expect([stranger.status, stranger.body.error]).toEqual([404, 'not_found']);
    expect((await t.request('GET', `/api/requests/${requestId}/info`, { token: otherReferrer })).status).toBe(404);

    const refusals: Array<[unknown, number]> = [
      [{}, 400],
      [{ answer: '' }, 400],
      [{ answer: 'x'.repeat(4001) }, 400],
      [{ answer: null }, 400],
      [{ answer: 'ok', changes: null }, 400],
      [{ answer: 'ok', changes: [] }, 400],
      [{ answer: 'ok', changes: { desiredSlots: [{ day: 'someday', part: 'morning' }] } }, 400],
      [{ answer: 'ok', changes: { status: 'triaged' } }, 400],
      [{ answer: 'ok', changes: { coordinatorNotes: 'Van de verwijzer' } }, 403],
      [{ answer: 'ok', changes: { desiredSlots: [] } }, 422],
    ];
    for (const [body, status] of refusals) {
      const response = await post(`/api/requests/${requestId}/info`, referrer, body);
      expect([JSON.stringify(body).slice(0, 80), response.status]).toEqual([JSON.stringify(body).slice(0, 80), status]);
    }
    const after = await t.request('GET', `/api/requests/${requestId}`, { token: referrer });
    expect(after.body).toMatchObject({ status: 'needs_info', desiredSlots: [{ day: 'tue', part: 'afternoon' }] });
    expect((await t.request('GET', `/api/requests/${requestId}/info`, { token: referrer })).body.items).toEqual([expect.objectContaining({ answer: null })]);
  });

  it('tells the referrer a rejection and a cancellation once each, with the reason in words', async () => {
    const rejectedId = await submit();
    const rejected = await post(`/api/requests/${rejectedId}/triage`, coordinator, { decision: 'reject', reason: 'De cliënt woont buiten ons werkgebied' });
    expect([rejected.status, rejected.body.status]).toEqual([200, 'rejected']);
    const cancelledId = await submit();
    expect((await post(`/api/requests/${cancelledId}/cancel`, referrer, { reason: 'Opgenomen in het hospice' })).status).toBe(200);
    expect((await post(`/api/requests/${cancelledId}/cancel`, referrer, { reason: 'Nog een keer' })).status).toBe(409);

    await eventually(async () => hooks(rejectedId, 'rejected').length > 0 && hooks(cancelledId, 'cancelled').length > 0, 10_000, 'the rejected and cancelled webhooks');
    await settle();
    expect(hooks(rejectedId, 'rejected')).toHaveLength(1);
    expect(hooks(rejectedId, 'rejected')[0].body).toMatchObject({ reasonText: 'De cliënt woont buiten ons werkgebied', text: expect.stringContaining('Reden: De cliënt woont buiten ons werkgebied.') });
    expect(hooks(cancelledId, 'cancelled')).toHaveLength(1);
    expect(hooks(cancelledId, 'cancelled')[0].body).toMatchObject({ reasonText: 'Opgenomen in het hospice', text: expect.stringContaining('is geannuleerd. Reden: Opgenomen in het hospice.') });
    expect((await messages(rejectedId, 'rejected')).length + (await messages(cancelledId, 'cancelled')).length).toBe(2);
  });
});
