import { JwtService } from '@nestjs/jwt';
import { Role } from '@app/identity';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';

describe('Authentication', () => {
  let t: TestApp;
  let orgId: string;
  let coordinatorEmail: string;

  beforeAll(async () => {
    t = await startTestApp();
    const { organisation } = await t.given.organisation();
    orgId = organisation.id;
    coordinatorEmail = (await t.given.user(orgId, Role.Coordinator)).email;
  });
  afterAll(() => t.close());

  const auditRows = (action: string) =>
    t.dataSource.query(`SELECT actor_user_id, organisation_id, outcome, source_ip, request_id, details FROM audit_event WHERE action = $1`, [action]);

  it('logs in with email and password, in any letter case, and /api/me shows who you are', async () => {
    const login = await t.request('POST', '/api/auth/login', { body: { email: coordinatorEmail.toUpperCase(), password: PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });

    const me = await t.request('GET', '/api/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: coordinatorEmail, role: 'coordinator', organisationId: orgId });
    expect(me.body.user.passwordHash).toBeUndefined();
    expect(me.body.organisation.id).toBe(orgId);

    const [row] = await auditRows('login');
    expect(row).toMatchObject({ outcome: 'success', organisation_id: orgId, source_ip: expect.any(String), request_id: expect.any(String) });
  });

  it('answers a wrong password with 401 and writes a login_failed audit row', async () => {
    const response = await t.request('POST', '/api/auth/login', { body: { email: coordinatorEmail, password: 'not-the-password' } });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ statusCode: 401, error: 'invalid_credentials', message: expect.any(String) });

    const rows = await auditRows('login_failed');
    expect(rows).toContainEqual(expect.objectContaining({ outcome: 'failure', organisation_id: orgId, details: { reason: 'wrong_password' } }));
  });

  it('answers an unknown email exactly like a wrong password, and audits it', async () => {
    const response = await t.request('POST', '/api/auth/login', { body: { email: 'nobody@example.org', password: 'whatever-it-is' } });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: 'invalid_credentials', message: 'Het e-mailadres of wachtwoord klopt niet' });
    const rows = await auditRows('login_failed');
    expect(rows).toContainEqual(expect.objectContaining({ actor_user_id: null, details: { reason: 'unknown_email' } }));
  });

  it('rotates refresh tokens and refuses a reused one, ending the whole login', async () => {
    const login = await t.request('POST', '/api/auth/login', { body: { email: coordinatorEmail, password: PASSWORD } });
    const first = login.body.refreshToken;

    const rotated = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: first } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first);
    expect((await t.request('GET', '/api/me', { token: rotated.body.accessToken })).status).toBe(200);
    // Its owner moves on with the successor; the first token is now only good for a thief.
    const next = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: rotated.body.refreshToken } });
    expect(next.status).toBe(200);

    const replay = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: first } });
    expect(replay.status).toBe(401);
    expect(replay.body.error).toBe('refresh_token_reused');

    // The tokens issued by the rotations belong to the same, now revoked, family.
    const afterReplay = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: next.body.refreshToken } });
    expect(afterReplay.status).toBe(401);
  });

  it('takes a used refresh token again for a few seconds while its successor is unused (the answer was lost), never later', async () => {
    const login = await t.request('POST', '/api/auth/login', { body: { email: coordinatorEmail, password: PASSWORD } });
    const first = login.body.refreshToken;
    const lost = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: first } });
    expect(lost.status).toBe(200);

    // The page reloaded before the new token was stored: the same token comes back at once.
    const again = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: first } });
    expect(again.status).toBe(200);
    expect(again.body.refreshToken).not.toBe(lost.body.refreshToken);
    const onwards = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: again.body.refreshToken } });
    expect(onwards.status).toBe(200);
    // The lost successor was revoked, so the login never forks: whoever presents it ends the login.
    const forked = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: lost.body.refreshToken } });
    expect(forked.status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: onwards.body.refreshToken } })).status).toBe(401);

    // After the grace (REFRESH_REUSE_GRACE_SECONDS, 10 by default) it is a replay that ends the login.
    const second = await t.request('POST', '/api/auth/login', { body: { email: coordinatorEmail, password: PASSWORD } });
    const old = second.body.refreshToken;
    const successor = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: old } });
    await t.dataSource.query(`UPDATE refresh_token SET used_at = used_at - interval '11 seconds' WHERE id = $1`, [old.split('.')[0]]);
    const late = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: old } });
    expect(late.status).toBe(401);
    expect(late.body.error).toBe('refresh_token_reused');
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: successor.body.refreshToken } })).status).toBe(401);
  });

  it('logout ends the login: its refresh token no longer works', async () => {
    const login = await t.request('POST', '/api/auth/login', { body: { email: coordinatorEmail, password: PASSWORD } });
    expect((await t.request('POST', '/api/auth/logout', { body: { refreshToken: login.body.refreshToken } })).status).toBe(204);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } })).status).toBe(401);
  });

  it('refuses a garbage refresh token with 401, not 500', async () => {
    const response = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: 'not-a-token' } });
    expect(response.status).toBe(401);
  });

  describe('access tokens', () => {
    let valid: string;
    let userId: string;

    beforeAll(async () => {
      valid = await t.login(coordinatorEmail);
      userId = JSON.parse(Buffer.from(valid.split('.')[1], 'base64url').toString()).sub;
    });

    it.each([
      ['missing', undefined],
      ['malformed', 'abc.def.ghi'],
    ])('refuses a %s token with 401', async (_, token) => {
      const response = await t.request('GET', '/api/me', { token });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ statusCode: 401, error: expect.any(String), message: expect.any(String) });
    });

    it('refuses a tampered token (payload changed, signature kept) with 401', async () => {
      const [header, payload, signature] = valid.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
      expect((await t.request('GET', '/api/me', { token: `${header}.${forged}.${signature}` })).status).toBe(401);
    });

    it('refuses a token signed with another secret, and an unsigned (alg none) token', async () => {
      const other = new JwtService({ secret: 'another-secret-of-sufficient-length-000000' });
      const foreign = await other.signAsync({ sub: userId, org: orgId, role: 'coordinator' });
      expect((await t.request('GET', '/api/me', { token: foreign })).status).toBe(401);

      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: userId })).toString('base64url')}.`;
      expect((await t.request('GET', '/api/me', { token: none })).status).toBe(401);
    });

    it('refuses an expired token with 401', async () => {
      const signer = new JwtService({ secret: process.env.JWT_SECRET });
      const expired = await signer.signAsync({ sub: userId, org: orgId, role: 'coordinator', exp: Math.floor(Date.now() / 1000) - 10 });
      const response = await t.request('GET', '/api/me', { token: expired });
      expect(response.status).toBe(401);
      expect(response.body.error).toBe('invalid_token');
    });

    it('stops accepting a still-valid token once the user is deactivated', async () => {
      const user = await t.given.user(orgId, Role.Volunteer);
      const token = await t.login(user.email);
      await t.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [user.id]);
      expect((await t.request('GET', '/api/me', { token })).status).toBe(401);
      expect((await t.request('POST', '/api/auth/login', { body: { email: user.email, password: PASSWORD } })).status).toBe(401);
    });
  });
});
