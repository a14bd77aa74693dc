import { authenticator } from 'otplib';
import { Role } from '@app/identity';
import { HttpResult, PASSWORD, startTestApp, TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://vrijwilligers.example.org';
const OWN = { origin: PUBLIC_URL };
const COOKIE_NAME = 'vm_refresh';
const REFRESH_DAYS = 30;

/** The Set-Cookie header of a response, split into its value and attributes (names lower-cased). */
function cookieOf(response: HttpResult): { value: string; attributes: Record<string, string | boolean> } {
  const header = response.headers['set-cookie'];
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [header];
  expect(lines).toHaveLength(1);
  const [pair, ...rest] = lines[0].split(';').map((part) => part.trim());
  const [name, value] = pair.split('=');
  expect(name).toBe(COOKIE_NAME);
  const attributes = Object.fromEntries(
    rest.map((part) => {
      const [key, ...v] = part.split('=');
      return [key.toLowerCase(), v.length ? v.join('=') : true];
    }),
  );
  return { value, attributes };
}

describe('Browser sessions: the refresh token in a cookie', () => {
  let t: TestApp;
  let orgId: string;
  let email: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL, LOGIN_RATE_LIMIT: '1000', REFRESH_TOKEN_TTL_DAYS: String(REFRESH_DAYS) } });
    orgId = (await t.given.organisation()).organisation.id;
    email = (await t.given.user(orgId, Role.Coordinator)).email;
  });
  afterAll(() => t.close());

  const browserLogin = async (who = email) => {
    const response = await t.request('POST', '/api/auth/login', { body: { email: who, password: PASSWORD }, headers: { 'x-session': 'cookie' } });
    expect(response.status).toBe(200);
    return response;
  };
  const withCookie = (value: string, headers: Record<string, string> = OWN) => ({ ...headers, cookie: `other=1; ${COOKIE_NAME}=${value}` });
  const refresh = (value: string, headers?: Record<string, string>) => t.request('POST', '/api/auth/refresh', { headers: withCookie(value, headers) });
  const me = (accessToken: string) => t.request('GET', '/api/me', { token: accessToken });

  it('logs in with X-Session: cookie: the refresh token only in an HttpOnly, Secure, SameSite=Strict cookie for /api/auth', async () => {
    const login = await browserLogin();
    expect(login.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    const { value, attributes } = cookieOf(login);
    expect(value).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual({ path: '/api/auth', httponly: true, secure: true, samesite: 'Strict', 'max-age': String(REFRESH_DAYS * 24 * 3600) });
    expect((await me(login.body.accessToken)).status).toBe(200);
    // The login is audited as before.
    const rows = await t.dataSource.query(`SELECT outcome FROM audit_event WHERE action = 'login' AND resource_type = 'session' AND organisation_id = $1`, [orgId]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('keeps the JSON flow for API clients: without the header the body carries the refresh token and no cookie is set', async () => {
    const login = await t.request('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    expect(login.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    expect(login.headers['set-cookie']).toBeUndefined();
    const rotated = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).toEqual(expect.any(String));
    expect(rotated.headers['set-cookie']).toBeUndefined();
    // No Origin needed without the cookie.
    expect((await t.request('POST', '/api/auth/logout', { body: { refreshToken: rotated.body.refreshToken } })).status).toBe(204);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: rotated.body.refreshToken } })).status).toBe(401);
  });

  it('refreshes with the cookie: a new cookie, the access token in the body, and the old cookie refused as a replay afterwards', async () => {
    const first = cookieOf(await browserLogin()).value;
    const rotated = await refresh(first);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    const second = cookieOf(rotated);
    expect(second.value).not.toBe(first);
    expect(second.attributes).toMatchObject({ path: '/api/auth', httponly: true, secure: true, samesite: 'Strict' });
    expect((await me(rotated.body.accessToken)).status).toBe(200);

    // An empty JSON body is the same as none.
    const third = await t.request('POST', '/api/auth/refresh', { body: {}, headers: withCookie(second.value) });
    expect(third.status).toBe(200);
    const thirdValue = cookieOf(third).value;

    const replay = await refresh(first);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: 'refresh_token_reused' });
    expect(cookieOf(replay)).toMatchObject({ value: '', attributes: { path: '/api/auth', 'max-age': '0' } });
    // Reuse ends the whole login, as with the JSON flow.
    expect((await refresh(thirdValue)).status).toBe(401);
  });

  it('answers a missing or invalid cookie with 401 invalid_refresh_token and clears it', async () => {
    const missing = await t.request('POST', '/api/auth/refresh', { headers: OWN });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: 'invalid_refresh_token' });
    expect(cookieOf(missing)).toMatchObject({ value: '', attributes: { path: '/api/auth', httponly: true, secure: true, samesite: 'Strict', 'max-age': '0' } });

    const garbage = await refresh('not-a-token');
    expect(garbage.status).toBe(401);
    expect(garbage.body).toMatchObject({ error: 'invalid_refresh_token' });
    expect(cookieOf(garbage).attributes['max-age']).toBe('0');
  });

  it('refuses the cookie without the service\'s own Origin: 403 origin_refused, in Dutch and English, and the cookie still works after', async () => {
    const value = cookieOf(await browserLogin()).value;
    const refusals = [
      await t.request('POST', '/api/auth/refresh', { headers: { cookie: `${COOKIE_NAME}=${value}` } }),
      await refresh(value, { origin: 'https://evil.example.com' }),
      await refresh(value, { origin: 'null' }),
      await refresh(value, { origin: 'https://vrijwilligers.example.org.evil.example.com' }),
      await refresh(value, { origin: 'http://vrijwilligers.example.org' }), // other scheme
      // Behind no trusted proxy, a forwarded host does not make a foreign origin the service's own.
      await refresh(value, { origin: 'https://evil.example.com', 'x-forwarded-host': 'evil.example.com', 'x-forwarded-proto': 'https' }),
      await t.request('POST', '/api/auth/logout', { headers: { cookie: `${COOKIE_NAME}=${value}` } }),
      await t.request('POST', '/api/auth/logout', { headers: withCookie(value, { origin: 'https://evil.example.com' }) }),
      await t.request('POST', '/api/auth/logout', { body: { everywhere: true }, headers: withCookie(value, { origin: 'https://evil.example.com' }) }),
    ];
    for (const refusal of refusals) {
      expect(refusal.status).toBe(403);
      expect(refusal.body).toEqual({ statusCode: 403, error: 'origin_refused', message: expect.stringContaining('eigen website') });
      expect(refusal.headers['set-cookie']).toBeUndefined();
    }
    const english = await refresh(value, { origin: 'https://evil.example.com', 'accept-language': 'en' });
    expect(english.body.message).toContain("service's own website");
    // Nothing was spent: the login goes on.
    expect((await refresh(value)).status).toBe(200);
  });

  it("accepts the request's own origin as well as PUBLIC_URL's (another host name of the same service)", async () => {
    const value = cookieOf(await browserLogin()).value;
    const own = await refresh(value, { origin: 'http://portal.internal:8080', host: 'portal.internal:8080' });
    expect(own.status).toBe(200);
  });

  it('logs out with the cookie: the login ends and the cookie is cleared', async () => {
    const value = cookieOf(await browserLogin()).value;
    const logout = await t.request('POST', '/api/auth/logout', { headers: withCookie(value) });
    expect(logout.status).toBe(204);
    expect(cookieOf(logout)).toMatchObject({ value: '', attributes: { path: '/api/auth', httponly: true, secure: true, samesite: 'Strict', 'max-age': '0' } });
    expect((await refresh(value)).status).toBe(401);
    // Without a cookie there is nothing to end; the answer is the same.
    expect((await t.request('POST', '/api/auth/logout', { headers: OWN })).status).toBe(204);
  });

  it('logs out everywhere with the cookie: every login of the user ends, not those of others', async () => {
    const other = (await t.given.user(orgId, Role.Coordinator)).email;
    const phone = cookieOf(await browserLogin()).value;
    const laptop = cookieOf(await browserLogin()).value;
    const api = (await t.request('POST', '/api/auth/login', { body: { email, password: PASSWORD } })).body.refreshToken;
    const someoneElse = cookieOf(await browserLogin(other)).value;

    const logout = await t.request('POST', '/api/auth/logout', { body: { everywhere: true }, headers: withCookie(laptop) });
    expect(logout.status).toBe(204);
    expect(cookieOf(logout).attributes['max-age']).toBe('0');
    expect((await refresh(phone)).status).toBe(401);
    expect((await refresh(laptop)).status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: api } })).status).toBe(401);
    expect((await refresh(someoneElse)).status).toBe(200);
  });

  it('logs out everywhere with a refresh token in the body (API clients)', async () => {
    const phone = cookieOf(await browserLogin()).value;
    const api = (await t.request('POST', '/api/auth/login', { body: { email, password: PASSWORD } })).body.refreshToken;
    expect((await t.request('POST', '/api/auth/logout', { body: { refreshToken: api, everywhere: true } })).status).toBe(204);
    expect((await refresh(phone)).status).toBe(401);
    // Plain logout still ends only its own login.
    const one = cookieOf(await browserLogin()).value;
    const two = (await t.request('POST', '/api/auth/login', { body: { email, password: PASSWORD } })).body.refreshToken;
    expect((await t.request('POST', '/api/auth/logout', { body: { refreshToken: two } })).status).toBe(204);
    expect((await refresh(one)).status).toBe(200);
  });

  it('does not let an old, already used refresh token log the user out everywhere', async () => {
    const old = (await t.request('POST', '/api/auth/login', { body: { email, password: PASSWORD } })).body.refreshToken;
    const current = (await t.request('POST', '/api/auth/refresh', { body: { refreshToken: old } })).body.refreshToken;
    const elsewhere = cookieOf(await browserLogin()).value;
    expect((await t.request('POST', '/api/auth/logout', { body: { refreshToken: old, everywhere: true } })).status).toBe(204);
    // The old token's own login ended (as a plain logout would), the other login goes on.
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: current } })).status).toBe(401);
    expect((await refresh(elsewhere)).status).toBe(200);
  });

  it('changes the password with X-Session: cookie: the new refresh token in the cookie, other logins ended', async () => {
    const user = await t.given.user(orgId, Role.Volunteer);
    const other = cookieOf(await browserLogin(user.email)).value;
    const login = await browserLogin(user.email);
    const changed = await t.request('POST', '/api/me/password', {
      token: login.body.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'a-brand-new-password-42' },
      headers: { 'x-session': 'cookie' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    const next = cookieOf(changed);
    expect(next.attributes).toMatchObject({ path: '/api/auth', httponly: true, secure: true, samesite: 'Strict' });
    expect((await refresh(other)).status).toBe(401);
    expect((await refresh(next.value)).status).toBe(200);
  });

  it('finishes a two-factor login with X-Session: cookie: the refresh token in the cookie', async () => {
    const user = await t.given.user(orgId, Role.Coordinator);
    const token = await t.login(user.email);
    const { secret } = (await t.request('POST', '/api/me/totp', { token, body: { password: PASSWORD } })).body;
    expect((await t.request('POST', '/api/me/totp/confirm', { token, body: { code: authenticator.generate(secret) } })).status).toBe(200);

    const challenged = await browserLogin(user.email);
    expect(challenged.body).toMatchObject({ twoFactorRequired: true, challenge: expect.any(String) });
    expect(challenged.headers['set-cookie']).toBeUndefined();
    // The step after the one the confirmation used (a code counts once).
    const confirmed = await t.request('POST', '/api/auth/login/totp', {
      body: { challenge: challenged.body.challenge, code: authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret) },
      headers: { 'x-session': 'cookie' },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    expect((await refresh(cookieOf(confirmed).value)).status).toBe(200);
  });
});
