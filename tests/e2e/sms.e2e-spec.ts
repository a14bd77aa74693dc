import { AppConfig, validateEnvironment } from '@app/core';
import { Role } from '@app/identity';
import { GoneError, HttpSmsGateway, PermanentDeliveryError, PersonMessage, Recipient, SmsChannel } from '@app/notifications';
import { SmsGatewayStub } from '../support/local-receivers';
import { startTestApp, TestApp } from '../support/test-app';

describe('SMS', () => {
  let t: TestApp;
  let gateway: SmsGatewayStub;
  let organisationId: string;

  const recipient = (userId: string): Recipient => ({ userId, organisationId, organisationName: 'Test', name: 'Marieke', email: 'm@example.org', phone: null, locale: 'nl' });
  const message: PersonMessage = {
    notificationId: 'n-1',
    kind: 'vigil_offer',
    urgent: true,
    title: 'Waakdienst vannacht voor Wilhelmina',
    body: 'Niet per sms',
    link: 'http://localhost:3000/offers/6c1f3f2e',
  };
  const channel = () => t.app.get(SmsChannel);

  beforeAll(async () => {
    gateway = await new SmsGatewayStub().start();
    t = await startTestApp({ env: { SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_TOKEN: 'gateway-token', SMS_FROM: 'Waakmaatje', SMS_TIMEOUT_MS: '300' } });
    organisationId = (await t.given.organisation()).organisation.id;
  });
  afterEach(() => {
    gateway.status = 200;
    gateway.hangMs = 0;
  });
  afterAll(async () => {
    await t.close();
    await gateway.stop();
  });

  it('is off unless a gateway is configured', () => {
    expect(new HttpSmsGateway(new AppConfig(validateEnvironment({}))).configured).toBe(false);
    expect(channel().configured).toBe(true);
  });

  it("texts a volunteer at their profile's phone: title and link, with the bearer token", async () => {
    const volunteer = await t.given.volunteerWithLogin(organisationId, { phone: '06 12345678' });
    expect(await channel().reaches(recipient(volunteer.userId))).toBe(true);
    await channel().send(recipient(volunteer.userId), message, 'delivery-1');
    expect(gateway.received.pop()).toEqual({
      headers: expect.objectContaining({ authorization: 'Bearer gateway-token', 'idempotency-key': 'delivery-1', 'content-type': 'application/json' }),
      body: { to: '+31612345678', from: 'Waakmaatje', text: 'Waakdienst vannacht voor Wilhelmina http://localhost:3000/offers/6c1f3f2e' },
    });
  });

  it('prefers the number a person set on their account, which PATCH /api/me checks and stores internationally', async () => {
    const volunteer = await t.given.volunteerWithLogin(organisationId, { phone: '06 12345678' });
    const token = await t.login(volunteer.email);
    for (const phone of ['abc', '12', 7, '06\u0000123']) {
      expect([phone, (await t.request('PATCH', '/api/me', { token, body: { phone } })).status]).toEqual([phone, 400]);
    }
    expect(await t.request('PATCH', '/api/me', { token, body: { phone: '06-87 65 43 21' } })).toMatchObject({ status: 200, body: { phone: '+31687654321' } });
    await channel().send(recipient(volunteer.userId), message, 'delivery-2');
    expect(gateway.received.pop()?.body.to).toBe('+31687654321');
    expect(await t.request('PATCH', '/api/me', { token, body: { phone: null } })).toMatchObject({ status: 200, body: { phone: null } });
    await channel().send(recipient(volunteer.userId), message, 'delivery-3');
    expect(gateway.received.pop()?.body.to).toBe('+31612345678');
  });

  it('does not reach someone without a mobile number', async () => {
    const coordinator = await t.given.user(organisationId, Role.Coordinator);
    expect(await channel().reaches(recipient(coordinator.id))).toBe(false);
    await expect(channel().send(recipient(coordinator.id), message, 'delivery-4')).rejects.toBeInstanceOf(GoneError);
    const landline = await t.given.volunteerWithLogin(organisationId, { phone: '030 123 4567' });
    expect(await channel().reaches(recipient(landline.userId))).toBe(false);
    expect(gateway.received).toHaveLength(0);
  });

  it('does not retry a message the gateway refuses (4xx), and retries 429, 5xx and a gateway that hangs', async () => {
    const volunteer = await t.given.volunteerWithLogin(organisationId, { phone: '+31 6 11122233' });
    const send = () => channel().send(recipient(volunteer.userId), message, 'delivery-5');
    gateway.status = 400;
    await expect(send()).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(send()).rejects.toThrow('SMS gateway refused the message (HTTP 400)');
    for (const status of [429, 500, 503]) {
      gateway.status = status;
      const attempt = send();
      await expect(attempt).rejects.toThrow(`SMS gateway answered HTTP ${status}`);
      await expect(attempt).rejects.not.toBeInstanceOf(PermanentDeliveryError);
    }
    gateway.status = 200;
    gateway.hangMs = 1000;
    const late = send();
    await expect(late).rejects.toThrow('SMS gateway did not answer within 300 ms');
    await expect(late).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });
});
