import { Role } from '@app/identity';
import { startTestApp, TestApp } from '../support/test-app';

describe('Login rate limit', () => {
  let t: TestApp;
  let email: string;

  beforeAll(async () => {
    t = await startTestApp();
    const { organisation } = await t.given.organisation();
    email = (await t.given.user(organisation.id, Role.Coordinator)).email;
  });
  afterAll(() => t.close());

  it('answers the 11th failed login within a minute with 429, counted in Redis', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await t.request('POST', '/api/auth/login', { body: { email, password: `wrong-${i}` } })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);

    const blocked = await t.request('POST', '/api/auth/login', { body: { email, password: 'wrong-again' } });
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'too_many_requests' });
    expect(await t.redis.keys(`${process.env.REDIS_PREFIX}:throttle:*`)).not.toHaveLength(0);
  });

  it('counts per account: another account from the same address can still log in', async () => {
    const { organisation } = await t.given.organisation();
    const other = await t.given.user(organisation.id, Role.Volunteer);
    expect((await t.request('POST', '/api/auth/login', { body: { email: other.email, password: 'wrong' } })).status).toBe(401);
  });
});
