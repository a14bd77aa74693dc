import { NestFastifyApplication } from '@nestjs/platform-fastify';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Role, UsersService } from '@app/identity';
import { JwtService } from '@nestjs/jwt';
import { VigilWaveHandler } from '@app/matching';
import { Clock, CredentialExpiryScanHandler, DELIVERY_CHANNELS, DeliveryChannel, DeliveryService, GoneError, NotificationKind, Notifier, NotificationDelivery } from '@app/notifications';
import { JobName, QueueName, Queues } from '@app/outbox';
import { Request } from '@app/referrals';
import { VolunteersService } from '@app/volunteers';
import { createApp } from '../../apps/api/src/create-app';
import { eventually, ReceivedEmail, SmtpReceiver } from '../support/local-receivers';
import { startTestApp, TestApp } from '../support/test-app';
import { HOUR, EVERY_SLOT, night } from '../support/vigil-times';

/** A winter day (CET, UTC+1) some days ahead, at an Amsterdam wall-clock hour. */
function amsterdamWinter(hour: number, minute = 0): Date {
  return new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 12, hour - 1, minute));
}

describe('Notifications: delivery, inbox, stream and preferences', () => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let org: string;
  let programmeId: string;
  let sourceId: string;
  let coordinator: { id: string; email: string; token: string };

  const deliveries = (notificationId: string): Promise<NotificationDelivery[]> =>
    t.dataSource.query(`SELECT id, channel, status, attempts, last_error AS "lastError", held_until AS "heldUntil", digest FROM notification_delivery WHERE notification_id = $1 ORDER BY channel`, [notificationId]);
  const notificationsOf = (userId: string, kind: string) =>
    t.dataSource.query(`SELECT id, params, path, urgent FROM notification WHERE user_id = $1 AND kind = $2`, [userId, kind]) as Promise<Array<{ id: string; params: Record<string, string>; path: string; urgent: boolean }>>;

  async function vigilVolunteer(km: number) {
    const v = await t.given.volunteerWithLogin(org, { kinds: ['vigil'], availability: EVERY_SLOT as never, lat: 52.0937 + km / 111.195, lon: 5.1177, maxConcurrentClients: 25 }, ['vog', 'vigil_training']);
    return { ...v, token: await t.login(v.email) };
  }

  beforeAll(async () => {
    smtp = await new SmtpReceiver().start();
    t = await startTestApp({
      withWorker: true,
      env: { LOGIN_RATE_LIMIT: '10000', OUTBOX_POLL_MS: '50', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', PUBLIC_URL: 'https://portaal.example.org', NOTIFICATION_STREAM_HEARTBEAT_MS: '200' },
    });
    org = (await t.given.organisation()).organisation.id;
    const user = await t.given.user(org, Role.Coordinator);
    coordinator = { id: user.id, email: user.email, token: await t.login(user.email) };
    programmeId = (await t.given.programme(org, 'vigil', { vigilWaveSize: 3, vigilWaveIntervalMinutes: 30, vigilEscalationMinutes: 60 })).id;
    sourceId = (await t.given.referralSource(org)).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  afterEach(() => jest.restoreAllMocks());

  describe('a vigil offered to three volunteers', () => {
    let request: Request;
    let volunteers: Array<Awaited<ReturnType<typeof vigilVolunteer>>>;

    beforeAll(async () => {
      volunteers = [await vigilVolunteer(1), await vigilVolunteer(2), await vigilVolunteer(3)];
      request = await t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId, vigilWindow: night(2), desiredSlots: [], startDate: null });
      await t.app.get(VigilWaveHandler).handle({ organisationId: org, requestId: request.id, wave: 1, outboxId: 'unused' });
    });

    it('gives each an inbox item and an email at once that links to the offer and names the client by first name', async () => {
      for (const v of volunteers) {
        const [offer] = await t.dataSource.query(`SELECT id FROM vigil_offer WHERE request_id = $1 AND volunteer_id = $2`, [request.id, v.volunteerId]);
        const inbox = await t.request('GET', '/api/me/notifications', { token: v.token });
        expect(inbox.status).toBe(200);
        const item = inbox.body.items.find((i: { kind: string }) => i.kind === 'vigil_offer');
        expect(item).toMatchObject({ urgent: true, path: `/offers/${offer.id}`, readAt: null, title: 'Waken bij Wilhelmina in Utrecht' });
        const email = (await eventually(async () => smtp.received.find((m) => m.to.includes(v.email) && m.subject === 'Waken bij Wilhelmina in Utrecht'), 10_000, `the offer email to ${v.email}`)) as ReceivedEmail;
        expect(email.text).toContain(`https://portaal.example.org/offers/${offer.id}`);
        expect(email.text).not.toMatch(/Jansen|cancer|1941/);
        const [notification] = await notificationsOf(v.userId, 'vigil_offer');
        // Push is among the defaults; without a push channel configured it is skipped, visibly.
        await eventually(async () => (await deliveries(notification.id)).every((d) => d.status !== 'pending'), 10_000, 'deliveries settled');
        expect(await deliveries(notification.id)).toEqual([
          expect.objectContaining({ channel: 'email', status: 'sent', attempts: 1, lastError: null }),
          expect.objectContaining({ channel: 'push', status: 'skipped', lastError: expect.stringMatching(/push/) }),
        ]);
      }
      // Urgent deliveries go through the vigil queue's job, never behind bulk ones.
      const topics = await t.dataSource.query(`SELECT DISTINCT topic FROM outbox_event WHERE payload->>'deliveryId' IN (SELECT d.id::text FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.kind = 'vigil_offer')`);
      expect(topics).toEqual([{ topic: JobName.NotificationDeliverUrgent }]);
    });

    it('never sends a delivery twice, however often its job runs', async () => {
      const [notification] = await notificationsOf(volunteers[0].userId, 'vigil_offer');
      const email = (await deliveries(notification.id)).find((d) => d.channel === 'email') as NotificationDelivery;
      const before = smtp.received.filter((m) => m.to.includes(volunteers[0].email) && m.subject.startsWith('Waken')).length;
      await t.app.get(DeliveryService).deliver(email.id);
      await t.app.get(DeliveryService).deliver(email.id);
      expect(smtp.received.filter((m) => m.to.includes(volunteers[0].email) && m.subject.startsWith('Waken')).length).toBe(before);
      expect(before).toBe(1);
      expect((await deliveries(notification.id)).find((d) => d.channel === 'email')).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('tells the colleagues "taken" in their inbox when one accepts', async () => {
      const [offer] = await t.dataSource.query(`SELECT id FROM vigil_offer WHERE request_id = $1 AND volunteer_id = $2`, [request.id, volunteers[0].volunteerId]);
      expect((await t.request('POST', `/api/offers/${offer.id}/accept`, { token: volunteers[0].token })).status).toBe(200);
      for (const colleague of volunteers.slice(1)) {
        await eventually(async () => (await notificationsOf(colleague.userId, 'vigil_taken')).length === 1, 10_000, 'the taken update');
        const inbox = await t.request('GET', '/api/me/notifications', { token: colleague.token });
        expect(inbox.body.items.map((i: { kind: string }) => i.kind)).toContain('vigil_taken');
        expect(inbox.body.items.find((i: { kind: string }) => i.kind === 'vigil_taken').title).toBe('De waakdienst bij Wilhelmina is al vergeven');
      }
      expect(await notificationsOf(volunteers[0].userId, 'vigil_taken')).toEqual([]);
    });
  });

  describe('failures', () => {
    it('records each failed attempt, retries by throwing, and after the last one the delivery is failed and visible', async () => {
      const user = await t.given.user(org, Role.Coordinator);
      await smtp.stop();
      try {
        // A coordinator's vigil alert goes out at once by email (and push).
        const id = (await t.app.get(Notifier).notify(org, user.id, NotificationKind.VigilAlert, `test.alert:${user.id}`, { params: { firstName: 'Kees', place: 'Zeist', startsAt: new Date().toISOString() }, path: '/requests/x' })) as string;
        const email = (await deliveries(id)).find((d) => d.channel === 'email') as NotificationDelivery;
        const service = t.app.get(DeliveryService);
        // The worker may be on it too; whoever attempts, each attempt counts and records its error.
        const outcomes: string[] = [];
        for (let i = 0; i < 8; i++) outcomes.push(await service.deliver(email.id).then(() => 'done', () => 'thrown'));
        expect(outcomes).toContain('thrown');
        const after = (await deliveries(id)).find((d) => d.channel === 'email');
        expect(after).toMatchObject({ status: 'failed', attempts: 8, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });
        await service.deliver(email.id); // nothing left: no throw, no attempt
        expect((await deliveries(id)).find((d) => d.channel === 'email')).toMatchObject({ status: 'failed', attempts: 8 });
      } finally {
        await smtp.start(smtp.port);
      }
    });

    it('skips a delivery whose person was deactivated before it went out', async () => {
      const user = await t.given.user(org, Role.Coordinator);
      // Deactivated before the notification commits, so no delivery job can run before it.
      const id = await t.dataSource.transaction(async (manager) => {
        const written = (await t.app.get(Notifier).notify(org, user.id, NotificationKind.FollowUpDue, `test.inactive:${user.id}`, { path: '/follow-ups' }, manager)) as string;
        await t.app.get(UsersService).update(t.given.actor(org), user.id, { active: false });
        return written;
      });
      const [email] = await deliveries(id);
      await t.app.get(DeliveryService).deliver(email.id);
      expect(await deliveries(id)).toEqual([expect.objectContaining({ channel: 'email', status: 'skipped', lastError: 'The person is no longer active' })]);
      expect(smtp.received.filter((m) => m.to.includes(user.email))).toHaveLength(0);
    });

    it('marks a delivery to an address that is gone for good failed without retrying', async () => {
      const gone: DeliveryChannel = { name: 'sms', configured: true, reaches: async () => true, send: async () => Promise.reject(new GoneError('number no longer exists')) };
      const channels = t.app.get<DeliveryChannel[]>(DELIVERY_CHANNELS);
      channels.unshift(gone); // ahead of the real SMS channel, which is not configured here
      try {
        const user = await t.given.user(org, Role.Coordinator);
        await t.request('PUT', '/api/me/notification-preferences', { token: await t.login(user.email), body: { kinds: [{ kind: 'followup_due', channels: ['sms'], digest: false }] } });
        const id = (await t.app.get(Notifier).notify(org, user.id, NotificationKind.FollowUpDue, `test.gone:${user.id}`, { path: '/follow-ups' })) as string;
        // The worker delivers it: the permanent error ends it after one attempt, and its job completes (no retry).
        await eventually(async () => (await deliveries(id))[0]?.status === 'failed', 10_000, 'the failed delivery');
        expect(await deliveries(id)).toEqual([expect.objectContaining({ channel: 'sms', status: 'failed', attempts: 1, lastError: 'number no longer exists' })]);
        const [row] = await t.dataSource.query(`SELECT id FROM outbox_event WHERE dedupe_key = $1`, [`notification.deliver:${(await deliveries(id))[0].id}`]);
        await eventually(async () => (await t.app.get(Queues).get(QueueName.Feedback).getJobState(row.id)) === 'completed', 10_000, 'the completed job');
        await expect(t.app.get(DeliveryService).deliver((await deliveries(id))[0].id)).resolves.toBeUndefined(); // nothing left to try
        expect((await deliveries(id))[0].attempts).toBe(1);
      } finally {
        channels.splice(channels.indexOf(gone), 1);
      }
    });
  });

  describe('quiet hours (an injected clock)', () => {
    let user: { id: string; email: string; token: string };

    beforeAll(async () => {
      const u = await t.given.user(org, Role.Coordinator);
      user = { id: u.id, email: u.email, token: await t.login(u.email) };
      const put = await t.request('PUT', '/api/me/notification-preferences', { token: user.token, body: { quietHours: { start: '22:00', end: '07:00' } } });
      expect(put.status).toBe(200);
      expect(put.body.quietHours).toEqual({ start: '22:00', end: '07:00' });
    });

    it('holds a non-urgent email written at 23:00 Amsterdam and releases it at 07:00', async () => {
      const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(amsterdamWinter(23));
      const id = (await t.app.get(Notifier).notify(org, user.id, NotificationKind.FollowUpDue, `test.quiet:${user.id}`, { path: '/follow-ups' })) as string;
      const [held] = await deliveries(id);
      const sevenAm = amsterdamWinter(24 + 7); // 07:00 the next morning
      expect(held).toMatchObject({ channel: 'email', status: 'held', heldUntil: sevenAm });
      const [job] = await t.dataSource.query(`SELECT topic, available_at FROM outbox_event WHERE dedupe_key = $1`, [`notification.deliver:${held.id}`]);
      expect(job).toEqual({ topic: JobName.NotificationDeliver, available_at: sevenAm });

      clock.mockReturnValue(amsterdamWinter(24 + 6, 59));
      await t.app.get(DeliveryService).deliver(held.id);
      expect((await deliveries(id))[0]).toMatchObject({ status: 'held', attempts: 0 });
      // Its job came early by this worker's clock: a later job is scheduled, so nothing is dropped.
      const later = await t.dataSource.query(`SELECT available_at FROM outbox_event WHERE dedupe_key LIKE $1`, [`notification.deliver:${held.id}:%`]);
      expect(later).toEqual([{ available_at: sevenAm }]);
      expect(smtp.received.filter((m) => m.to.includes(user.email) && m.subject === 'Tijd voor een opvolging')).toHaveLength(0);

      clock.mockReturnValue(sevenAm);
      await t.app.get(DeliveryService).deliver(held.id);
      expect((await deliveries(id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
      await eventually(async () => smtp.received.some((m) => m.to.includes(user.email) && m.subject === 'Tijd voor een opvolging'), 5_000, 'the released email');
    });

    it('sends an urgent vigil alert at 23:00 at once', async () => {
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(amsterdamWinter(23));
      const id = (await t.app.get(Notifier).notify(org, user.id, NotificationKind.VigilAlert, `test.urgent:${user.id}`, { params: { firstName: 'Kees', place: 'Zeist', startsAt: new Date().toISOString() }, path: '/requests/y' })) as string;
      const email = (await deliveries(id)).find((d) => d.channel === 'email');
      expect(email).toMatchObject({ status: 'pending', heldUntil: null });
      await eventually(async () => smtp.received.some((m) => m.to.includes(user.email) && m.subject === 'Niemand heeft de waakdienst bij Kees aangenomen'), 10_000, 'the alert email');
    });
  });

  it('collects a volunteer’s non-urgent notifications into one daily digest email of what is still unread', async () => {
    const v = await vigilVolunteer(9);
    // The welcome is a digest kind too; read, it stays out of the digest.
    await eventually(async () => (await notificationsOf(v.userId, 'welcome')).length === 1, 10_000, 'the welcome');
    expect((await t.request('POST', '/api/me/notifications/read-all', { token: v.token })).body).toEqual({ updated: 1 });
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(amsterdamWinter(15));
    const notifier = t.app.get(Notifier);
    const content = { params: { firstName: 'Anna', place: 'Bunnik' }, path: '/matches/m' };
    const first = (await notifier.notify(org, v.userId, NotificationKind.MatchStarted, `test.digest1:${v.userId}`, content)) as string;
    const second = (await notifier.notify(org, v.userId, NotificationKind.MatchEnded, `test.digest2:${v.userId}`, content)) as string;
    const third = (await notifier.notify(org, v.userId, NotificationKind.MatchProposed, `test.digest3:${v.userId}`, content)) as string;
    const eightAm = amsterdamWinter(24 + 8);
    expect(await deliveries(first)).toEqual([expect.objectContaining({ channel: 'email', status: 'held', digest: true, heldUntil: eightAm })]);
    const jobs = await t.dataSource.query(`SELECT payload FROM outbox_event WHERE topic = $1 AND available_at = $2`, [JobName.NotificationDigest, eightAm]);
    expect(jobs).toEqual([{ payload: { organisationId: org, userId: v.userId, at: eightAm.toISOString() } }]); // one digest job per person and time
    expect((await t.request('POST', `/api/me/notifications/${third}/read`, { token: v.token })).status).toBe(200);

    clock.mockReturnValue(eightAm);
    await t.app.get(DeliveryService).sendDigest(v.userId, eightAm);
    await t.app.get(DeliveryService).sendDigest(v.userId, eightAm); // again: nothing left to send
    await eventually(async () => smtp.received.some((m) => m.to.includes(v.email) && m.subject === 'Je berichten van vandaag (2)'), 5_000, 'the digest');
    const digests = smtp.received.filter((m) => m.to.includes(v.email) && m.subject.startsWith('Je berichten van vandaag'));
    expect(digests).toHaveLength(1);
    expect(digests[0].text).toContain('Je koppeling met Anna is begonnen');
    expect(digests[0].text).toContain('https://portaal.example.org/notifications');
    expect((await deliveries(second))[0]).toMatchObject({ status: 'sent' });
    expect((await deliveries(third))[0]).toMatchObject({ status: 'skipped' });
  });

  it('tells a volunteer once that a credential expires within 30 days, and schedules the next daily scan', async () => {
    const v = await vigilVolunteer(31);
    const day = new Date().toISOString().slice(0, 10);
    const soon = new Date(Date.now() + 10 * 24 * HOUR).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 60 * 24 * HOUR).toISOString().slice(0, 10);
    const volunteers = t.app.get(VolunteersService);
    await volunteers.addCredential(t.given.actor(org, Role.Coordinator), v.volunteerId, { type: 'first_aid', issuedOn: '2024-01-01', expiresOn: soon });
    await volunteers.addCredential(t.given.actor(org, Role.Coordinator), v.volunteerId, { type: 'peer_training', issuedOn: '2024-01-01', expiresOn: later });
    const scan = t.app.get(CredentialExpiryScanHandler);
    await scan.handle({ day, outboxId: 'unused' });
    await scan.handle({ day, outboxId: 'unused' });
    const found = await notificationsOf(v.userId, 'credential_expiring');
    expect(found).toEqual([expect.objectContaining({ params: { credential: 'first_aid', expiresOn: soon }, path: '/profile', urgent: false })]);
    const inbox = await t.request('GET', '/api/me/notifications', { token: v.token });
    expect(inbox.body.items.find((i: { kind: string }) => i.kind === 'credential_expiring').title).toBe('Je EHBO-diploma verloopt binnenkort');
    const tomorrow = new Date(Date.parse(`${day}T12:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
    const [next] = await t.dataSource.query(`SELECT payload FROM outbox_event WHERE dedupe_key = $1`, [`credential.expiry-scan:${tomorrow}`]);
    expect(next).toEqual({ payload: { day: tomorrow } });
  });

  describe('the inbox', () => {
    it('lists unread first then newest, in the reader’s language, marks read, counts, and keeps others’ notifications out', async () => {
      const v = await vigilVolunteer(11);
      const other = await vigilVolunteer(12);
      await eventually(async () => (await notificationsOf(v.userId, 'welcome')).length === 1, 10_000, 'the welcome');
      const notifier = t.app.get(Notifier);
      const ids: string[] = [];
      for (const [i, kind] of [NotificationKind.MatchProposed, NotificationKind.MatchStarted, NotificationKind.MatchEnded].entries()) {
        ids.push((await notifier.notify(org, v.userId, kind, `test.inbox${i}:${v.userId}`, { params: { firstName: 'Joop', place: 'Houten' }, path: `/matches/${i}` })) as string);
      }
      expect((await t.request('GET', '/api/me/notifications/unread-count', { token: v.token })).body).toEqual({ count: 4 }); // and the welcome
      expect((await t.request('POST', `/api/me/notifications/${ids[2]}/read`, { token: v.token })).body).toMatchObject({ id: ids[2], readAt: expect.any(String) });
      const page = await t.request('GET', '/api/me/notifications?pageSize=3', { token: v.token });
      expect(page.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
      // Unread first (newest first), the read one after them.
      expect(page.body.items.map((i: { id: string }) => i.id).slice(0, 2)).toEqual([ids[1], ids[0]]);
      const rest = await t.request('GET', '/api/me/notifications?page=2&pageSize=3', { token: v.token });
      expect(rest.body.items.map((i: { id: string }) => i.id)).toContain(ids[2]);

      expect((await t.request('PATCH', '/api/me', { token: v.token, body: { locale: 'en' } })).status).toBe(200);
      const english = await t.request('GET', '/api/me/notifications', { token: v.token });
      expect(english.body.items.find((i: { id: string }) => i.id === ids[1]).title).toBe('Your match with Joop has started');

      expect((await t.request('POST', `/api/me/notifications/${ids[0]}/read`, { token: other.token })).status).toBe(404);
      expect((await t.request('POST', '/api/me/notifications/not-a-uuid/read', { token: v.token })).status).toBe(400);
      expect((await t.request('POST', '/api/me/notifications/read-all', { token: v.token })).body).toEqual({ updated: 3 });
      expect((await t.request('GET', '/api/me/notifications/unread-count', { token: v.token })).body).toEqual({ count: 0 });
      expect((await t.request('GET', '/api/me/notifications', {})).status).toBe(401);
    });

    it('streams a notification written through one instance to a stream opened on another, with heartbeats', async () => {
      const v = await vigilVolunteer(13);
      const second: NestFastifyApplication = await createApp({ withWorker: false });
      await second.init();
      await second.listen(0, '127.0.0.1');
      try {
        const port = (second.getHttpServer().address() as AddressInfo).port;
        const received: string[] = [];
        let headers: http.IncomingHttpHeaders = {};
        const request = http.get({ host: '127.0.0.1', port, path: '/api/me/notifications/stream', headers: { authorization: `Bearer ${v.token}` } }, (response) => {
          headers = response.headers;
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => received.push(chunk));
        });
        await eventually(async () => received.join('').includes(': connected'), 5_000, 'the stream to open');
        const id = await t.app.get(Notifier).notify(org, v.userId, NotificationKind.VisitPlanned, `test.stream:${v.userId}`, { params: { firstName: 'Ria', place: 'Baarn', startsAt: new Date().toISOString() }, path: '/matches/s' });
        await eventually(async () => received.join('').includes(`id: ${id}`), 5_000, 'the event');
        const text = received.join('');
        expect(headers['content-type']).toMatch(/^text\/event-stream/);
        const data = JSON.parse(/event: notification\ndata: (.*)\n/.exec(text)?.[1] ?? '{}');
        expect(data).toMatchObject({ id, kind: 'visit_planned', title: 'Nieuw bezoek bij Ria', path: '/matches/s' });
        await eventually(async () => received.join('').includes(': heartbeat'), 5_000, 'a heartbeat');
        // Another user's notification never reaches this stream.
        await t.app.get(Notifier).notify(org, coordinator.id, NotificationKind.FollowUpDue, `test.stream.other:${coordinator.id}`, { path: '/follow-ups' });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(received.join('').match(/event: notification/g)).toHaveLength(1);
        request.destroy();
      } finally {
        await second.close(); // closes open streams cleanly
      }
    });

    it('ends a stream at the next heartbeat once its user is deactivated, and when the access token expires', async () => {
      const v = await vigilVolunteer(14);
      await t.app.listen(0, '127.0.0.1');
      const port = (t.app.getHttpServer().address() as AddressInfo).port;
      const open = (token: string) => {
        const state = { text: '', ended: false };
        http.get({ host: '127.0.0.1', port, path: '/api/me/notifications/stream', headers: { authorization: `Bearer ${token}` } }, (response) => {
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (state.text += chunk));
          response.on('end', () => (state.ended = true));
        });
        return state;
      };
      const deactivated = open(v.token);
      await eventually(async () => deactivated.text.includes(': connected'), 5_000, 'the stream to open');
      await t.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [v.userId]);
      await eventually(async () => deactivated.ended, 5_000, 'the stream of a deactivated user to end');
      await t.dataSource.query(`UPDATE app_user SET active = true WHERE id = $1`, [v.userId]);

      // A token that expires in a second: the stream ends with it, though heartbeats keep coming.
      const shortLived = await t.app.get(JwtService).signAsync({ sub: v.userId, org, role: 'volunteer' }, { expiresIn: 1 });
      const expiring = open(shortLived);
      await eventually(async () => expiring.text.includes(': heartbeat'), 5_000, 'a heartbeat');
      await eventually(async () => expiring.ended, 5_000, 'the stream to end with its token');
    });

    it('refuses a stream without a valid token', async () => {
      expect((await t.request('GET', '/api/me/notifications/stream', { token: 'nonsense' })).status).toBe(401);
    });
  });

  describe('preferences', () => {
    it('starts from the defaults of the role and keeps what the person changes', async () => {
      const v = await vigilVolunteer(21);
      const defaults = await t.request('GET', '/api/me/notification-preferences', { token: v.token });
      expect(defaults.status).toBe(200);
      expect(defaults.body.quietHours).toBeNull();
      expect(defaults.body.kinds).toContainEqual({ kind: 'vigil_offer', channels: ['push', 'email'], digest: false });
      expect(defaults.body.kinds).toContainEqual({ kind: 'match_started', channels: [], digest: true });
      expect(defaults.body.kinds.map((k: { kind: string }) => k.kind)).not.toContain('vigil_alert');
      const coordinatorDefaults = await t.request('GET', '/api/me/notification-preferences', { token: coordinator.token });
      expect(coordinatorDefaults.body.kinds).toContainEqual({ kind: 'vigil_alert', channels: ['push', 'email'], digest: false });
      expect(coordinatorDefaults.body.kinds).toContainEqual({ kind: 'request_submitted', channels: ['email'], digest: false });

      const put = await t.request('PUT', '/api/me/notification-preferences', { token: v.token, body: { kinds: [{ kind: 'match_started', channels: ['email'], digest: false }], digestAt: '18:30' } });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ digestAt: '18:30', quietHours: null });
      expect(put.body.kinds).toContainEqual({ kind: 'match_started', channels: ['email'], digest: false });
      expect(put.body.kinds).toContainEqual({ kind: 'vigil_offer', channels: ['push', 'email'], digest: false });
      expect((await t.request('GET', '/api/me/notification-preferences', { token: v.token })).body).toEqual(put.body);
    });

    it.each([
      [{ kinds: [{ kind: 'vigil_alert', channels: ['email'], digest: false }] }, 422, 'kind_not_for_role'],
      [{ kinds: [{ kind: 'nonsense', channels: [], digest: false }] }, 400, 'validation_failed'],
      [{ kinds: [{ kind: 'match_started', channels: ['fax'], digest: false }] }, 400, 'validation_failed'],
      [{ quietHours: { start: '25:00', end: '07:00' } }, 400, 'validation_failed'],
      [{ quietHours: { start: '07:00', end: '07:00' } }, 422, 'quiet_hours_empty'],
      [{ quietHours: ['22:00', '07:00'] }, 400, 'validation_failed'],
      [{ digestAt: null }, 400, 'validation_failed'],
    ])('refuses %j', async (body, status, error) => {
      const v = await vigilVolunteer(22);
      const response = await t.request('PUT', '/api/me/notification-preferences', { token: v.token, body });
      expect([response.status, response.body.error]).toEqual([status, error]);
    });
  });
});
