import { Role } from '@app/identity';
import { AppConfig, validateEnvironment } from '@app/core';
import { GoneError, PersonMessage, PushChannel, PushSubscriptionRepository, PushSubscriptionsService, Recipient, VapidKeys } from '@app/notifications';
import { generateVAPIDKeys } from 'web-push';
import { createApp } from '../../apps/api/src/create-app';
import { PushEndpoint } from '../support/push-endpoint';
import { startTestApp, TestApp } from '../support/test-app';

describe('Web Push', () => {
  let t: TestApp;
  let endpoint: PushEndpoint;
  let organisationId: string;
  let volunteer: { userId: string; email: string; token: string };
  let coordinator: { userId: string; token: string };

  const recipient = (userId: string): Recipient => ({ userId, organisationId, organisationName: 'Test', name: 'Marieke', email: 'm@example.org', phone: null, locale: 'nl' });
  const message = (overrides: Partial<PersonMessage> = {}): PersonMessage => ({
    notificationId: '6c1f3f2e-8a55-4c0e-9a0a-3b7f0a1d2e01',
    kind: 'vigil_offer',
    urgent: true,
    title: 'Waakdienst vannacht',
    body: 'Kun je vannacht waken bij Wilhelmina in Utrecht?',
    link: 'http://localhost:3000/offers/6c1f3f2e',
    ...overrides,
  });
  const subscribe = async (token: string, subscription = endpoint.subscribe(), userAgent?: string) => {
    const response = await t.request('POST', '/api/me/push-subscriptions', { token, body: { endpoint: subscription.endpoint, keys: subscription.keys, ...(userAgent ? { userAgent } : {}) } });
    expect([response.status, response.body.message]).toEqual([201, undefined]);
    return { ...subscription, rowId: response.body.id as string };
  };
  const count = async (userId: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM push_subscription WHERE user_id = $1`, [userId]))[0].n;

  beforeAll(async () => {
    endpoint = await new PushEndpoint().start();
    t = await startTestApp({ env: { PUSH_ALLOWED_PRIVATE: '127.0.0.1' } });
    const { organisation } = await t.given.organisation();
    organisationId = organisation.id;
    const v = await t.given.volunteerWithLogin(organisationId);
    volunteer = { ...v, token: await t.login(v.email) };
    const c = await t.given.user(organisationId, Role.Coordinator);
    coordinator = { userId: c.id, token: await t.login(c.email) };
  });
  afterAll(async () => {
    await t.close();
    await endpoint.stop();
  });

  it('gives signed-in people the public key, generated once and the same after a restart', async () => {
    expect((await t.request('GET', '/api/push/public-key')).status).toBe(401);
    const first = await t.request('GET', '/api/push/public-key', { token: volunteer.token });
    expect(first).toMatchObject({ status: 200, body: { publicKey: expect.stringMatching(/^[A-Za-z0-9_-]{87}$/) } });
    // A second process on the same database (a restart, or the worker started apart) signs with the same key.
    const again = await createApp({ withWorker: false });
    await again.init();
    try {
      const response = await again.inject({ method: 'GET', url: '/api/push/public-key', headers: { authorization: `Bearer ${coordinator.token}` } });
      expect(response.json()).toEqual(first.body);
    } finally {
      await again.close();
    }
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM vapid_key`))[0].n).toBe(1);
  });

  it('takes the keys from the environment, and in production without keys leaves push off', async () => {
    const stored = (await t.request('GET', '/api/push/public-key', { token: volunteer.token })).body.publicKey;
    const keysWith = async (env: Record<string, string>) => {
      const keys = new VapidKeys(new AppConfig(validateEnvironment({ JWT_SECRET: 'x'.repeat(32), ...env })), t.app.get(PushSubscriptionRepository));
      await keys.onModuleInit();
      return keys.current;
    };
    const pair = generateVAPIDKeys();
    expect(await keysWith({ NODE_ENV: 'production', VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey, VAPID_SUBJECT: 'mailto:beheer@example.org' })).toEqual({
      subject: 'mailto:beheer@example.org',
      ...pair,
    });
    expect(await keysWith({ NODE_ENV: 'production' })).toBeNull();
    const off = new VapidKeys(new AppConfig(validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })), t.app.get(PushSubscriptionRepository));
    await off.onModuleInit();
    const service = new PushSubscriptionsService(t.app.get(AppConfig), off, t.app.get(PushSubscriptionRepository));
    expect(() => service.publicKey()).toThrow(expect.objectContaining({ status: 503, code: 'push_not_configured' }));
    await expect(service.subscribe({ organisationId, userId: volunteer.userId, role: Role.Volunteer, referralSourceId: null, volunteerId: null }, { endpoint: 'https://push.example.org/x', keys: endpoint.subscribe().keys })).rejects.toMatchObject({ code: 'push_not_configured' });
    expect((await keysWith({ NODE_ENV: 'development' }))?.publicKey).toBe(stored);
    expect((await t.dataSource.query(`SELECT public_key FROM vapid_key`)).map((r: { public_key: string }) => r.public_key)).toEqual([stored]);
  });

  it('delivers a payload the browser can decrypt, signed for the endpoint, urgent ones with high urgency', async () => {
    const subscription = await subscribe(volunteer.token);
    await t.app.get(PushChannel).send(recipient(volunteer.userId), message(), 'delivery-1');
    const push = endpoint.received.find((r) => r.subscriptionId === subscription.id);
    const publicKey = (await t.request('GET', '/api/push/public-key', { token: volunteer.token })).body.publicKey;
    expect(push?.vapid).toMatchObject({ valid: true, publicKey, aud: endpoint.origin, sub: expect.stringMatching(/^(mailto:|https:)/) });
    expect((push?.vapid.exp as number) * 1000).toBeGreaterThan(Date.now());
    expect(push?.payload).toEqual({ title: 'Waakdienst vannacht', body: 'Kun je vannacht waken bij Wilhelmina in Utrecht?', url: 'http://localhost:3000/offers/6c1f3f2e', urgent: true, tag: '6c1f3f2e-8a55-4c0e-9a0a-3b7f0a1d2e01' });
    expect(push?.headers).toMatchObject({ urgency: 'high', ttl: String(6 * 3600), topic: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });

    await t.app.get(PushChannel).send(recipient(volunteer.userId), message({ urgent: false, notificationId: 'n-2' }), 'delivery-2');
    const normal = endpoint.received.filter((r) => r.subscriptionId === subscription.id).pop();
    expect(normal?.headers).toMatchObject({ urgency: 'normal', ttl: String(24 * 3600) });
    expect(normal?.payload).toMatchObject({ urgent: false, tag: 'n-2' });
    await t.request('DELETE', `/api/me/push-subscriptions/${subscription.rowId}`, { token: volunteer.token });
  });

  it('stores an endpoint once: subscribing it again updates the keys', async () => {
    const subscription = await subscribe(coordinator.token, undefined, 'Firefox');
    const renewed = endpoint.subscribe();
    const again = await t.request('POST', '/api/me/push-subscriptions', { token: coordinator.token, body: { endpoint: subscription.endpoint, keys: renewed.keys, userAgent: 'Firefox 140' } });
    expect(again).toMatchObject({ status: 201, body: { id: subscription.rowId, userAgent: 'Firefox 140' } });
    expect(await count(coordinator.userId)).toBe(1);
    const list = await t.request('GET', '/api/me/push-subscriptions', { token: coordinator.token });
    expect(list.body).toEqual([{ id: subscription.rowId, userAgent: 'Firefox 140', createdAt: expect.any(String), updatedAt: expect.any(String) }]);
    expect(JSON.stringify(list.body)).not.toContain(subscription.endpoint); // the list names devices, not capabilities
    expect((await t.request('GET', '/api/me/push-subscriptions', { token: volunteer.token })).body).toEqual([]);
  });

  it("lets a person delete only their own subscriptions: another's is not found", async () => {
    const mine = await subscribe(volunteer.token);
    expect((await t.request('DELETE', `/api/me/push-subscriptions/${mine.rowId}`, { token: coordinator.token })).status).toBe(404);
    expect((await t.request('DELETE', `/api/me/push-subscriptions/${mine.rowId}`, { token: volunteer.token })).status).toBe(204);
    expect((await t.request('DELETE', `/api/me/push-subscriptions/${mine.rowId}`, { token: volunteer.token })).status).toBe(404);
    expect((await t.request('DELETE', `/api/me/push-subscriptions/not-a-uuid`, { token: volunteer.token })).status).toBe(400);
  });

  it('refuses endpoints on plain http or internal addresses, malformed keys and unknown fields', async () => {
    const keys = endpoint.subscribe().keys;
    const refused: Array<[unknown, number]> = [
      [{ endpoint: 'http://push.example.org/abc', keys }, 422],
      [{ endpoint: 'https://10.0.0.7/push/abc', keys }, 422],
      [{ endpoint: 'https://169.254.169.254/latest', keys }, 422],
      [{ endpoint: 'https://metadata.google.internal/push', keys }, 422],
      [{ endpoint: 'https://user:pw@push.example.org/abc', keys }, 422],
      [{ endpoint: 'not a url', keys }, 422],
      [{ endpoint: 'https://push.example.org/abc', keys: { ...keys, p256dh: Buffer.alloc(65, 4).toString('base64url') } }, 400],
      [{ endpoint: 'https://push.example.org/abc', keys: { ...keys, auth: 'c2hvcnQ' } }, 400],
      [{ endpoint: 'https://push.example.org/abc', keys: { ...keys, auth: 'not base64!' } }, 400],
      [{ endpoint: 'https://push.example.org/abc' }, 400],
      [{ endpoint: 'https://push.example.org/abc', keys, expirationTime: null }, 400],
      [{ endpoint: 'https://push.example.org/abc', keys: [keys] }, 400],
      [{ endpoint: 'https://push.example.org/abc', keys, userAgent: null }, 400],
    ];
    for (const [body, status] of refused) {
      const response = await t.request('POST', '/api/me/push-subscriptions', { token: volunteer.token, body });
      expect([body, response.status, response.body.error]).toEqual([body, status, expect.any(String)]);
    }
    expect(await count(volunteer.userId)).toBe(0);
    // A public https push service is fine.
    expect((await t.request('POST', '/api/me/push-subscriptions', { token: volunteer.token, body: { endpoint: 'https://push.example.org/abc', keys } })).status).toBe(201);
    await t.dataSource.query(`DELETE FROM push_subscription WHERE user_id = $1`, [volunteer.userId]);
  });

  it('removes a subscription that is gone (410) and still reaches the others; all gone is GoneError', async () => {
    const gone = await subscribe(volunteer.token);
    const alive = await subscribe(volunteer.token);
    endpoint.answer(gone.id, 410);
    const channel = t.app.get(PushChannel);
    expect(await channel.reaches(recipient(volunteer.userId))).toBe(true);
    await channel.send(recipient(volunteer.userId), message({ notificationId: 'n-3' }), 'delivery-3');
    expect(endpoint.received.some((r) => r.subscriptionId === alive.id && (r.payload as { tag: string }).tag === 'n-3')).toBe(true);
    const rows: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM push_subscription WHERE user_id = $1`, [volunteer.userId]);
    expect(rows.map((r) => r.id)).toEqual([alive.rowId]);

    endpoint.answer(alive.id, 404);
    await expect(channel.send(recipient(volunteer.userId), message({ notificationId: 'n-4' }), 'delivery-4')).rejects.toBeInstanceOf(GoneError);
    expect(await count(volunteer.userId)).toBe(0);
    expect(await channel.reaches(recipient(volunteer.userId))).toBe(false);
  });

  it('throws on a push service error, so the delivery is retried, and keeps the subscription', async () => {
    const failing = await subscribe(volunteer.token);
    endpoint.answer(failing.id, 500);
    const attempt = t.app.get(PushChannel).send(recipient(volunteer.userId), message({ notificationId: 'n-5' }), 'delivery-5');
    await expect(attempt).rejects.toThrow('Push service 127.0.0.1');
    await expect(attempt).rejects.not.toBeInstanceOf(GoneError);
    await expect(attempt).rejects.not.toThrow(failing.endpoint); // the endpoint identifies a browser: never in an error
    expect(await count(volunteer.userId)).toBe(1);
    await t.dataSource.query(`DELETE FROM push_subscription WHERE user_id = $1`, [volunteer.userId]);
  });
});
