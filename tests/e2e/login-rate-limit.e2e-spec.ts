import { Role } from '@app/identity';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Documentation addresses (RFC 5737): the attempts come from many places, none of them real. */
const address = (i: number) => `203.0.113.${(i % 250) + 1}`;

describe('Login rate limit', () => {
  let t: TestApp;
  let email: string;

  beforeAll(async () => {
    t = await startTestApp();
    const { organisation } = await t.given.organisation();
    email = (await t.given.user(organisation.id, Role.Coordinator)).email;
  });
  afterAll(() => t.close());

  it('answers the 11th failed login within a minute with 429 and a standard Retry-After, counted in Redis', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await t.request('POST', '/api/auth/login', { body: { email, password: `wrong-${i}` } })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);

    const blocked = await t.request('POST', '/api/auth/login', { body: { email, password: 'wrong-again' } });
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'too_many_requests' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Object.keys(blocked.headers).filter((name) => /^retry-after-|^x-ratelimit/i.test(name))).toEqual([]);
    expect(await t.redis.keys(`${process.env.REDIS_PREFIX}:throttle:*`)).not.toHaveLength(0);
  });

  it('counts per account: another account from the same address can still log in', async () => {
    const { organisation } = await t.given.organisation();
    const other = await t.given.user(organisation.id, Role.Volunteer);
    expect((await t.request('POST', '/api/auth/login', { body: { email: other.email, password: 'wrong' } })).status).toBe(401);
  });

  it('limits an account whatever the address: 60 wrong passwords from 6 addresses are not all evaluated', async () => {
    const { organisation } = await t.given.organisation();
    const victim = (await t.given.user(organisation.id, Role.Coordinator)).email;
    const answers = [];
    for (let i = 0; i < 60; i++) {
      answers.push(await t.request('POST', '/api/auth/login', { body: { email: victim, password: `guess-${i}` }, remoteAddress: address(i % 6) }));
    }
    const statuses = answers.map((a) => a.status);
    // 10 free attempts on the account (LOGIN_ACCOUNT_FREE_ATTEMPTS), then one per doubling delay.
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(13);
    expect(answers[59]).toMatchObject({ status: 429, body: { error: 'too_many_requests' } });
    expect(Number(answers[59].headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('keeps no email in Redis: account counters are named by a keyed hash', async () => {
    const keys = await t.redis.keys(`${process.env.REDIS_PREFIX}:*`);
    expect(keys.some((key) => key.includes(':login:account:'))).toBe(true);
    expect(keys.filter((key) => key.includes('@') || key.includes('example.org') || key.includes(email.split('@')[0]))).toEqual([]);
  });
});

describe('Login delay per account (short settings)', () => {
  let t: TestApp;
  let email: string;
  const settings = { LOGIN_ACCOUNT_FREE_ATTEMPTS: '3', LOGIN_ACCOUNT_BASE_DELAY_SECONDS: '1', LOGIN_ACCOUNT_MAX_DELAY_SECONDS: '2' };

  beforeAll(async () => {
    t = await startTestApp({ env: settings });
    const { organisation } = await t.given.organisation();
    email = (await t.given.user(organisation.id, Role.Coordinator)).email;
  });
  afterAll(async () => {
    for (const name of Object.keys(settings)) delete process.env[name];
    await t.close();
  });

  let attempt = 0;
  const login = (password: string) => t.request('POST', '/api/auth/login', { body: { email, password }, remoteAddress: address(++attempt) });

  it('delays every attempt after the free ones by a doubling wait up to the cap, refuses even the right password meanwhile, and lets it in once the wait is over', async () => {
    for (let i = 0; i < 3; i++) expect((await login(`wrong-${i}`)).status).toBe(401);

    const delayed = await login('wrong-3');
    expect(delayed).toMatchObject({ status: 429, body: { statusCode: 429, error: 'too_many_requests' } });
    expect(delayed.headers['retry-after']).toBe('1');
    expect((await login(PASSWORD)).status).toBe(429); // the delay protects: the right password is not even tried

    await sleep(1100);
    expect((await login('wrong-4')).status).toBe(401);
    expect((await login(PASSWORD)).headers['retry-after']).toBe('2');

    await sleep(2100);
    expect((await login('wrong-5')).status).toBe(401);
    // 1, 2, then 4 seconds would follow: capped at LOGIN_ACCOUNT_MAX_DELAY_SECONDS.
    expect((await login(PASSWORD)).headers['retry-after']).toBe('2');

    await sleep(2100);
    expect((await login(PASSWORD)).status).toBe(200);
    // A successful login starts the count afresh.
    for (let i = 0; i < 3; i++) expect((await login(`again-${i}`)).status).toBe(401);
    expect((await login(PASSWORD)).status).toBe(429);
  });

  it('never keeps a victim out longer than the cap, however many attempts an attacker makes', async () => {
    const { organisation } = await t.given.organisation();
    const victim = (await t.given.user(organisation.id, Role.Volunteer)).email;
    const waits: number[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await t.request('POST', '/api/auth/login', { body: { email: victim, password: `guess-${i}` }, remoteAddress: address(i) });
      if (response.status === 429) waits.push(Number(response.headers['retry-after']));
    }
    expect(waits.length).toBeGreaterThan(30);
    expect(Math.max(...waits)).toBeLessThanOrEqual(2);
    await sleep(2100);
    expect((await t.request('POST', '/api/auth/login', { body: { email: victim, password: PASSWORD }, remoteAddress: address(99) })).status).toBe(200);
  });
});
