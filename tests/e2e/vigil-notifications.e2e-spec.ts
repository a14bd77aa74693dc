import { Role } from '@app/identity';
import { Request } from '@app/referrals';
import { eventually, ReceivedEmail, SmtpReceiver } from '../support/local-receivers';
import { PushEndpoint, ReceivedPush } from '../support/push-endpoint';
import { startTestApp, TestApp } from '../support/test-app';
import { HOUR, EVERY_SLOT } from '../support/vigil-times';

interface Person {
  userId: string;
  email: string;
  token: string;
  push: string;
}

/**
 * Issue 11's promise, end to end with the worker running: a vigil triaged tonight reaches every
 * offered volunteer within seconds in the inbox, as a push message (decrypted at a local push
 * service) and by email (a local SMTP server), each linking to the offer and naming the client by
 * first name only; colleagues hear when it is taken; when nobody accepts, every coordinator is pushed.
 */
describe('An urgent vigil reaches people', () => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let pushes: PushEndpoint;
  let org: string;
  let programmeId: string;
  let sourceId: string;
  let volunteers: Array<Person & { volunteerId: string }>;
  let coordinators: Person[];

  const subscribe = async (token: string): Promise<string> => {
    const subscription = pushes.subscribe();
    const response = await t.request('POST', '/api/me/push-subscriptions', { token, body: { endpoint: subscription.endpoint, keys: subscription.keys } });
    expect(response.status).toBe(201);
    return subscription.id;
  };
  const pushesTo = (person: Person) => pushes.received.filter((p) => p.subscriptionId === person.push);
  const tonight = (): { start: Date; end: Date } => {
    const start = new Date(Date.now() + 3 * HOUR);
    return { start, end: new Date(start.getTime() + 8 * HOUR) };
  };
  const vigil = (): Promise<Request> =>
    t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId, vigilWindow: tonight(), desiredSlots: [], startDate: null });

  beforeAll(async () => {
    smtp = await new SmtpReceiver().start();
    pushes = await new PushEndpoint().start();
    t = await startTestApp({
      withWorker: true,
      env: {
        LOGIN_RATE_LIMIT: '10000',
        OUTBOX_POLL_MS: '50',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_SECURE: 'false',
        PUBLIC_URL: 'https://portaal.example.org',
        PUSH_ALLOWED_PRIVATE: '127.0.0.1',
      },
    });
    org = (await t.given.organisation()).organisation.id;
    programmeId = (await t.given.programme(org, 'vigil', { vigilWaveSize: 3, vigilWaveIntervalMinutes: 30, vigilEscalationMinutes: 60 })).id;
    sourceId = (await t.given.referralSource(org)).id;
    volunteers = [];
    for (const km of [1, 2, 3]) {
      const v = await t.given.volunteerWithLogin(org, { kinds: ['vigil'], availability: EVERY_SLOT as never, lat: 52.0937 + km / 111.195, lon: 5.1177, maxConcurrentClients: 5 }, ['vog', 'vigil_training']);
      const token = await t.login(v.email);
      volunteers.push({ ...v, token, push: await subscribe(token) });
    }
    coordinators = [];
    for (let i = 0; i < 2; i++) {
      const c = await t.given.user(org, Role.Coordinator);
      const token = await t.login(c.email);
      coordinators.push({ userId: c.id, email: c.email, token, push: await subscribe(token) });
    }
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
    await pushes.stop();
  });

  it('is in every offered volunteer’s inbox, pushed and emailed within seconds, linking to the offer, by first name only', async () => {
    const request = await vigil();
    for (const v of volunteers) {
      const offer = await eventually(async () => (await t.dataSource.query(`SELECT id FROM vigil_offer WHERE request_id = $1 AND volunteer_id = $2`, [request.id, v.volunteerId]))[0], 15_000, 'the offer');
      const link = `https://portaal.example.org/offers/${offer.id}`;

      const inbox = await eventually(async () => (await t.request('GET', '/api/me/notifications', { token: v.token })).body.items.find((i: { kind: string }) => i.kind === 'vigil_offer'), 15_000, 'the inbox item');
      expect(inbox).toMatchObject({ urgent: true, path: `/offers/${offer.id}`, title: 'Waken bij Wilhelmina in Utrecht' });

      const push = (await eventually(async () => pushesTo(v)[0], 15_000, 'the push message')) as ReceivedPush;
      expect(push.vapid.valid).toBe(true);
      expect(push.headers.urgency).toBe('high');
      expect(push.payload).toMatchObject({ title: 'Waken bij Wilhelmina in Utrecht', url: link, urgent: true });

      const email = (await eventually(async () => smtp.received.find((m) => m.to.includes(v.email) && m.subject.startsWith('Waken bij Wilhelmina')), 15_000, 'the email')) as ReceivedEmail;
      expect(email.text).toContain(link);

      // No last name, diagnosis or birth year anywhere a phone or a mail server keeps it.
      for (const text of [JSON.stringify(push.payload), email.text, email.subject]) expect(text).not.toMatch(/Jansen|cancer|long|1941/i);
    }
  });

  it('tells the colleagues in their inbox that the vigil was taken', async () => {
    const request = await vigil();
    const offerOf = async (v: Person & { volunteerId: string }) =>
      eventually(async () => (await t.dataSource.query(`SELECT id FROM vigil_offer WHERE request_id = $1 AND volunteer_id = $2`, [request.id, v.volunteerId]))[0]?.id as string | undefined, 15_000, 'the offer');
    const [taker, ...colleagues] = volunteers;
    expect((await t.request('POST', `/api/offers/${await offerOf(taker)}/accept`, { token: taker.token })).status).toBe(200);
    for (const colleague of colleagues) {
      const taken = await eventually(
        async () => (await t.request('GET', '/api/me/notifications', { token: colleague.token })).body.items.find((i: { kind: string; path: string }) => i.kind === 'vigil_taken'),
        15_000,
        'the taken update',
      );
      expect(taken.title).toBe('De waakdienst bij Wilhelmina is al vergeven');
    }
  });

  it('pushes every coordinator the alert when nobody accepts in time', async () => {
    const request = await vigil();
    // The escalation is due 60 minutes after triage; bring that moment forward instead of waiting.
    await t.dataSource.query(`UPDATE outbox_event SET available_at = now() WHERE dedupe_key = $1`, [`vigil.escalate:${request.id}`]);
    for (const coordinator of coordinators) {
      const alert = (await eventually(async () => pushesTo(coordinator).find((p) => (p.payload as { url?: string }).url?.includes(request.id)), 15_000, 'the pushed alert')) as ReceivedPush;
      expect(alert.headers.urgency).toBe('high');
      expect(alert.payload).toMatchObject({ urgent: true, title: expect.stringContaining('Wilhelmina') });
      const inbox = (await t.request('GET', '/api/me/notifications', { token: coordinator.token })).body.items;
      expect(inbox.find((i: { kind: string }) => i.kind === 'vigil_alert')).toMatchObject({ urgent: true });
    }
  });
});
