import { createHash, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import { Role } from '@app/identity';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';
import { eventually, ReceivedEmail, SmtpReceiver } from '../support/local-receivers';

const PUBLIC_URL = 'https://portal.example.org';
const NEW_PASSWORD = 'a long walk by the river Vecht';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A code of the authenticator app, `steps` time steps from now. */
const codeAt = (secret: string, steps = 0) => authenticator.clone({ epoch: Date.now() + steps * 30_000 }).generate(secret);
/** A 6-digit code that is right for no step the server accepts now. */
const wrongCode = (secret: string) => {
  const valid = new Set([-1, 0, 1, 2].map((s) => codeAt(secret, s)));
  return ['000000', '111111', '222222', '333333', '444444'].find((c) => !valid.has(c)) as string;
};

describe('Accounts people run themselves', () => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let org: string;
  let admin: string;
  let coordinator: string;

  const post = (url: string, token: string | undefined, body: unknown = {}) => t.request('POST', url, { token, body });
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  const mailTo = (email: string, count = 1) =>
    eventually(async () => mailsTo(email)[count - 1], 15_000, `email ${count} to ${email}`) as Promise<ReceivedEmail>;
  const tokenIn = (mail: ReceivedEmail, path: string): string => {
    const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}${path}#token=([A-Za-z0-9_-]{43})`).exec(mail.text);
    if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
    return match[1];
  };
  const loginPair = async (email: string, password = PASSWORD) => (await post('/api/auth/login', undefined, { email, password })).body;

  beforeAll(async () => {
    smtp = await new SmtpReceiver().start();
    t = await startTestApp({
      withWorker: true,
      env: { OUTBOX_POLL_MS: '50', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', PUBLIC_URL, SECRETS_KEY: randomBytes(32).toString('base64'), LOGIN_RATE_LIMIT: '100' },
    });
    const created = await t.given.organisation({ name: 'Hospice De Vecht' });
    org = created.organisation.id;
    admin = await t.login(created.admin.email);
    coordinator = await t.login((await t.given.user(org, Role.Coordinator)).email);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  describe('invitations', () => {
    it('creates an account nobody can log in to, mails a single-use link in Dutch, and the link sets the password once', async () => {
      const email = t.given.email('invited');
      const invited = await post('/api/invitations', admin, { email, name: 'Joke Smit', role: 'coordinator' });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ email, role: 'coordinator', active: true });
      expect((await post('/api/auth/login', undefined, { email, password: PASSWORD })).status).toBe(401);

      const mail = await mailTo(email);
      expect(mail.subject).toBe('Je uitnodiging van Hospice De Vecht');
      expect(mail.text).toContain('Beste Joke Smit');
      const token = tokenIn(mail, '/invitation');
      const [stored] = await t.dataSource.query(`SELECT token_hash, expires_at FROM account_token WHERE user_id = $1`, [invited.body.id]);
      expect(stored.token_hash).toBe(sha256(token));
      expect(new Date(stored.expires_at).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
      expect(JSON.stringify(await t.dataSource.query(`SELECT * FROM account_token`))).not.toContain(token);
      expect(JSON.stringify(await t.dataSource.query(`SELECT payload FROM outbox_event`))).not.toContain(token);

      expect((await post('/api/invitations/accept', undefined, { token, password: 'password1234' })).body).toMatchObject({ statusCode: 400, details: [{ field: 'password' }] });
      expect((await post('/api/invitations/accept', undefined, { token, password: NEW_PASSWORD })).status).toBe(204);
      expect((await post('/api/auth/login', undefined, { email, password: NEW_PASSWORD })).status).toBe(200);
      expect((await post('/api/invitations/accept', undefined, { token, password: `${NEW_PASSWORD} again` })).body).toMatchObject({ statusCode: 410, error: 'token_used' });
      expect((await post('/api/invitations/accept', undefined, { token: 'x'.repeat(43), password: NEW_PASSWORD })).body).toMatchObject({ statusCode: 400, error: 'invalid_token' });

      const audit = await t.dataSource.query(`SELECT action, outcome, actor_user_id FROM audit_event WHERE resource_type = 'invitation' AND resource_id = $1 ORDER BY id`, [invited.body.id]);
      expect(audit).toEqual([
        expect.objectContaining({ action: 'create', outcome: 'success' }),
        expect.objectContaining({ action: 'update', outcome: 'success', actor_user_id: invited.body.id }),
        expect.objectContaining({ action: 'update', outcome: 'failure' }),
      ]);
    });

    it('refuses an expired link, and inviting again replaces the old link with a new one (in the language asked for)', async () => {
      const email = t.given.email('late');
      const first = await post('/api/invitations', admin, { email, name: 'Piet Late', role: 'admin' });
      const oldToken = tokenIn(await mailTo(email), '/invitation');
      await t.dataSource.query(`UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [first.body.id]);
      expect((await post('/api/invitations/accept', undefined, { token: oldToken, password: NEW_PASSWORD })).body).toMatchObject({ statusCode: 410, error: 'token_expired' });

      const again = await post('/api/invitations', admin, { email, name: 'Piet Late', role: 'admin', locale: 'en' });
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      const mail = await mailTo(email, 2);
      expect(mail.subject).toBe('Your invitation to Hospice De Vecht');
      const newToken = tokenIn(mail, '/invitation');
      expect((await post('/api/invitations/accept', undefined, { token: oldToken, password: NEW_PASSWORD })).body).toMatchObject({ error: 'invalid_token' });
      expect((await post('/api/invitations/accept', undefined, { token: newToken, password: NEW_PASSWORD })).status).toBe(204);
      // Accepted: the address has an account now, so it cannot be invited again.
      expect((await post('/api/invitations', admin, { email, name: 'Piet Late', role: 'admin' })).body).toMatchObject({ statusCode: 409, error: 'email_taken' });
    });

    it('lets coordinators invite volunteers and referrers only, and reveals nothing of other organisations', async () => {
      const source = (await t.given.referralSource(org)).id;
      expect((await post('/api/invitations', coordinator, { email: t.given.email(), name: 'Co Ordinator', role: 'coordinator' })).body).toMatchObject({ statusCode: 403 });
      expect((await post('/api/invitations', coordinator, { email: t.given.email(), name: 'Ad Min', role: 'admin' })).status).toBe(403);
      expect((await post('/api/invitations', coordinator, { email: t.given.email(), name: 'Re Ferrer', role: 'referrer', referralSourceId: source })).status).toBe(201);
      expect((await post('/api/invitations', coordinator, { email: t.given.email(), name: 'Re Ferrer', role: 'referrer' })).body).toMatchObject({ statusCode: 422, error: 'referral_source_required' });
      // An admin's open invitation is not the coordinator's to renew.
      const adminEmail = t.given.email('pending-admin');
      expect((await post('/api/invitations', admin, { email: adminEmail, name: 'Ad Min', role: 'admin' })).status).toBe(201);
      expect((await post('/api/invitations', coordinator, { email: adminEmail, name: 'Ad Min', role: 'referrer', referralSourceId: source })).status).toBe(403);

      const elsewhere = (await t.given.organisation()).organisation.id;
      const theirs = await t.given.user(elsewhere, Role.Coordinator);
      const invited = await post('/api/invitations', admin, { email: theirs.email, name: 'Same Person', role: 'coordinator' });
      expect(invited.status).toBe(201);
      expect(invited.body.organisationId).toBe(org);
    });

    it('creates a volunteer profile and invites its login in one call, and stores neither when the invitation fails', async () => {
      const email = t.given.email('volunteer');
      const profile = { firstName: 'Marieke', lastName: 'Bos', birthDate: '1960-02-01', lat: 52.09, lon: 5.12, city: 'Utrecht', email };
      const created = await post('/api/volunteers', coordinator, { ...profile, invite: { locale: 'en' } });
      expect(created.status).toBe(201);
      const [user] = await t.dataSource.query(`SELECT id, role, name, locale FROM app_user WHERE volunteer_id = $1`, [created.body.id]);
      expect(user).toMatchObject({ role: 'volunteer', name: 'Marieke Bos', locale: 'en' });
      const token = tokenIn(await mailTo(email), '/invitation');
      expect((await post('/api/invitations/accept', undefined, { token, password: NEW_PASSWORD })).status).toBe(204);
      const volunteerToken = (await loginPair(email, NEW_PASSWORD)).accessToken;
      expect((await t.request('GET', `/api/volunteers/${created.body.id}`, { token: volunteerToken })).status).toBe(200);

      const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM volunteer WHERE organisation_id = $1`, [org]))[0].n;
      const before = await count();
      const noEmail = await post('/api/volunteers', coordinator, { ...profile, email: undefined, invite: {} });
      expect(noEmail.body).toMatchObject({ statusCode: 422, error: 'email_required' });
      const taken = await post('/api/volunteers', coordinator, { ...profile, lastName: 'Dubbel', invite: { email } });
      expect(taken.body).toMatchObject({ statusCode: 409, error: 'email_taken' });
      expect(await count()).toBe(before);
    });
  });

  describe('password change', () => {
    it('needs the current password, ends every other login and keeps the caller logged in with a fresh pair', async () => {
      const email = (await t.given.user(org, Role.Referrer)).email;
      const here = await loginPair(email);
      const other = await loginPair(email);
      const wrong = await post('/api/me/password', here.accessToken, { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
      expect(wrong.body).toMatchObject({ statusCode: 403, error: 'wrong_password' });
      expect((await post('/api/me/password', here.accessToken, { currentPassword: PASSWORD, newPassword: '123456789012' })).status).toBe(400);

      const changed = await post('/api/me/password', here.accessToken, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), tokenType: 'Bearer' });
      expect((await post('/api/auth/refresh', undefined, { refreshToken: other.refreshToken })).status).toBe(401);
      expect((await post('/api/auth/refresh', undefined, { refreshToken: here.refreshToken })).status).toBe(401);
      expect((await post('/api/auth/refresh', undefined, { refreshToken: changed.body.refreshToken })).status).toBe(200);
      expect((await post('/api/auth/login', undefined, { email, password: PASSWORD })).status).toBe(401);
      expect((await post('/api/auth/login', undefined, { email, password: NEW_PASSWORD })).status).toBe(200);
      const audit = await t.dataSource.query(`SELECT outcome FROM audit_event WHERE resource_type = 'password' AND action = 'update' AND actor_user_id = (SELECT id FROM app_user WHERE email = $1) ORDER BY id`, [email]);
      expect(audit.map((a: { outcome: string }) => a.outcome)).toEqual(['denied', 'failure', 'success']);
    });

    it('makes a reset link still in the mail useless once the password is changed', async () => {
      const user = await t.given.user(org, Role.Volunteer);
      await post('/api/auth/password-reset', undefined, { email: user.email });
      const token = tokenIn(await mailTo(user.email), '/reset-password');
      const session = await loginPair(user.email);
      expect((await post('/api/me/password', session.accessToken, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
      const late = await post('/api/auth/password-reset/confirm', undefined, { token, newPassword: `${NEW_PASSWORD} 3` });
      expect([late.status, late.body.error]).toEqual([400, 'invalid_token']);
      expect((await post('/api/auth/login', undefined, { email: user.email, password: NEW_PASSWORD })).status).toBe(200);
    });

    it('counts wrong current passwords with the login attempts of the account', async () => {
      const email = (await t.given.user(org, Role.Referrer)).email;
      const token = await t.login(email);
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await post('/api/me/password', token, { currentPassword: `guess-${i}`, newPassword: NEW_PASSWORD })).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(403));
      expect(statuses[10]).toBe(429);
      // The account waits for logins too: guessing here is guessing at login.
      const login = await post('/api/auth/login', undefined, { email, password: PASSWORD });
      expect(login.status).toBe(429);
      expect(Number(login.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    });
  });

  describe('password reset', () => {
    it('answers a known and an unknown address alike, doing the same work in the request for both', async () => {
      const known = (await t.given.user(org, Role.Coordinator)).email;
      const unknown = t.given.email('nobody');
      const a = await post('/api/auth/password-reset', undefined, { email: known });
      const b = await post('/api/auth/password-reset', undefined, { email: unknown });
      expect([a.status, b.status]).toEqual([202, 202]);
      expect(a.body).toEqual(b.body);
      const headersOf = (h: Record<string, unknown>) => Object.keys(h).filter((k) => !['x-request-id', 'date'].includes(k)).sort();
      expect(headersOf(a.headers)).toEqual(headersOf(b.headers));
      // The request path stores the ask and queues its job; the lookup of accounts happens in the job.
      const jobs = await t.dataSource.query(`SELECT payload FROM outbox_event WHERE topic = 'account.password-reset' ORDER BY created_at DESC LIMIT 2`);
      expect(jobs.map((j: { payload: object }) => Object.keys(j.payload).sort())).toEqual([['resetRequestId'], ['resetRequestId']]);
      await mailTo(known);
      await eventually(async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM password_reset_request`))[0].n === 0, 15_000, 'both requests handled');
      expect(mailsTo(unknown)).toEqual([]);
    });

    it('sets the password with the link once, revokes every refresh token, and refuses reuse and expiry', async () => {
      const user = await t.given.user(org, Role.Volunteer, { name: 'Anna de Wit' });
      const session = await loginPair(user.email);
      await post('/api/auth/password-reset', undefined, { email: user.email.toUpperCase() });
      const mail = await mailTo(user.email);
      expect(mail.subject).toBe('Nieuw wachtwoord voor Hospice De Vecht');
      const token = tokenIn(mail, '/reset-password');
      const [stored] = await t.dataSource.query(`SELECT token_hash, expires_at FROM account_token WHERE user_id = $1 AND purpose = 'password_reset'`, [user.id]);
      expect(stored.token_hash).toBe(sha256(token));
      expect(new Date(stored.expires_at).getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);

      expect((await post('/api/auth/password-reset/confirm', undefined, { token, newPassword: NEW_PASSWORD })).status).toBe(204);
      expect((await post('/api/auth/refresh', undefined, { refreshToken: session.refreshToken })).status).toBe(401);
      expect((await post('/api/auth/login', undefined, { email: user.email, password: NEW_PASSWORD })).status).toBe(200);
      expect((await post('/api/auth/password-reset/confirm', undefined, { token, newPassword: `${NEW_PASSWORD} 2` })).body).toMatchObject({ statusCode: 410, error: 'token_used' });

      await post('/api/auth/password-reset', undefined, { email: user.email });
      const late = tokenIn(await mailTo(user.email, 2), '/reset-password');
      await t.dataSource.query(`UPDATE account_token SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sha256(late)]);
      expect((await post('/api/auth/password-reset/confirm', undefined, { token: late, newPassword: `${NEW_PASSWORD} 3` })).body).toMatchObject({ statusCode: 410, error: 'token_expired' });
      const audit = await t.dataSource.query(`SELECT outcome, details FROM audit_event WHERE resource_type = 'password' AND resource_id = $1 ORDER BY id`, [user.id]);
      expect(audit.map((a: { outcome: string; details: { reason?: string } }) => [a.outcome, a.details.reason ?? null])).toEqual([['success', null], ['failure', 'token_used'], ['failure', 'token_expired']]);
    });

    it('mails each account of an address shared by two organisations, each link resetting its own account', async () => {
      const other = await t.given.organisation({ name: 'Buurtzorg Zuid' });
      const email = t.given.email('twice');
      const here = await t.given.user(org, Role.Coordinator, { email });
      const there = await t.given.user(other.organisation.id, Role.Coordinator, { email });
      await post('/api/auth/password-reset', undefined, { email });
      await mailTo(email, 2);
      const mails = mailsTo(email);
      expect(mails.map((m) => m.subject).sort()).toEqual(['Nieuw wachtwoord voor Buurtzorg Zuid', 'Nieuw wachtwoord voor Hospice De Vecht']);
      const thereMail = mails.find((m) => m.subject.includes('Buurtzorg')) as ReceivedEmail;
      expect((await post('/api/auth/password-reset/confirm', undefined, { token: tokenIn(thereMail, '/reset-password'), newPassword: NEW_PASSWORD })).status).toBe(204);
      const login = (password: string, organisationId: string) => post('/api/auth/login', undefined, { email, password, organisationId });
      expect((await login(NEW_PASSWORD, there.organisationId)).status).toBe(200);
      expect((await login(PASSWORD, here.organisationId)).status).toBe(200);
    });

    it('limits requests per address (429 with Retry-After), whether it has an account or not', async () => {
      for (const email of [(await t.given.user(org, Role.Referrer)).email, t.given.email('nobody')]) {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await post('/api/auth/password-reset', undefined, { email })).status);
        expect(statuses).toEqual([202, 202, 202, 429]);
        const refused = await post('/api/auth/password-reset', undefined, { email });
        expect(refused.body).toMatchObject({ statusCode: 429, error: 'too_many_requests' });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
    });
  });

  describe('two-factor login (TOTP)', () => {
    it('enrols, confirms with recovery codes, and then asks every login for a code: wrong and replayed codes refused, a recovery code works once', async () => {
      const user = await t.given.user(org, Role.Coordinator);
      const token = await t.login(user.email);
      // A session alone is not enough: the password is asked again.
      expect((await post('/api/me/totp', token)).status).toBe(400);
      expect((await post('/api/me/totp', token, { password: 'not my password' })).body).toMatchObject({ statusCode: 403, error: 'wrong_password' });
      const enrolment = await post('/api/me/totp', token, { password: PASSWORD });
      expect(enrolment.status).toBe(201);
      const { secret, otpauthUri } = enrolment.body;
      expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Hospice%20De%20Vecht:.*secret=[A-Z2-7]+/);
      const [row] = await t.dataSource.query(`SELECT totp_secret, totp_enabled_at FROM app_user WHERE id = $1`, [user.id]);
      expect(row.totp_secret).toMatch(/^enc:v1:/);
      expect(row.totp_enabled_at).toBeNull();
      expect((await loginPair(user.email)).accessToken).toEqual(expect.any(String)); // not on until confirmed

      expect((await post('/api/me/totp/confirm', token, { code: wrongCode(secret) })).body).toMatchObject({ statusCode: 403, error: 'invalid_code' });
      const confirmed = await post('/api/me/totp/confirm', token, { code: codeAt(secret) });
      expect(confirmed.status).toBe(200);
      const codes: string[] = confirmed.body.recoveryCodes;
      expect(new Set(codes).size).toBe(10);
      const hashes = await t.dataSource.query(`SELECT code_hash FROM recovery_code WHERE user_id = $1`, [user.id]);
      expect(hashes).toHaveLength(10);
      expect(JSON.stringify(hashes)).not.toContain(codes[0]);

      const challenged = await loginPair(user.email);
      expect(challenged).toMatchObject({ twoFactorRequired: true, enrolmentRequired: false, challenge: expect.any(String) });
      expect(challenged.accessToken).toBeUndefined();
      expect((await t.request('GET', '/api/me', { token: challenged.challenge })).status).toBe(401);
      const second = (body: object) => post('/api/auth/login/totp', undefined, { challenge: challenged.challenge, ...body });

      expect((await second({ code: wrongCode(secret) })).body).toMatchObject({ statusCode: 401, error: 'invalid_code' });
      const next = codeAt(secret, 1); // the step after the one confirm used
      const loggedIn = await second({ code: next });
      expect(loggedIn.status).toBe(200);
      expect((await t.request('GET', '/api/me', { token: loggedIn.body.accessToken })).status).toBe(200);
      expect((await second({ code: next })).body).toMatchObject({ statusCode: 401, error: 'invalid_code' });

      expect((await second({ recoveryCode: codes[3].toUpperCase() })).status).toBe(200);
      expect((await second({ recoveryCode: codes[3] })).body).toMatchObject({ statusCode: 401, error: 'invalid_code' });
      expect((await post('/api/auth/login/totp', undefined, { challenge: 'not.a.challenge', code: next })).body).toMatchObject({ error: 'invalid_challenge' });

      const failures = await t.dataSource.query(`SELECT details FROM audit_event WHERE action = 'login_failed' AND actor_user_id = $1`, [user.id]);
      expect(failures).toHaveLength(3);
      expect((await t.request('DELETE', '/api/me/totp', { token, body: { password: 'wrong password' } })).body).toMatchObject({ statusCode: 403, error: 'wrong_password' });
      expect((await t.request('DELETE', '/api/me/totp', { token, body: { password: PASSWORD } })).status).toBe(204);
      expect((await loginPair(user.email)).accessToken).toEqual(expect.any(String));
    });

    it('counts wrong codes with the login attempts of the account', async () => {
      const user = await t.given.user(org, Role.Coordinator);
      const token = await t.login(user.email);
      const { secret } = (await post('/api/me/totp', token, { password: PASSWORD })).body;
      expect((await post('/api/me/totp/confirm', token, { code: codeAt(secret) })).status).toBe(200);
      const { challenge } = await loginPair(user.email);
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await post('/api/auth/login/totp', undefined, { challenge, code: wrongCode(secret) })).status);
      // The password step counted once; the account waits after ten attempts in all.
      expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
      expect(statuses.slice(9)).toEqual([429, 429]);
    });

    it("follows the organisation's requirement: a coordinator without TOTP enrols within the login and cannot switch it off", async () => {
      const created = await t.given.organisation({ name: 'Hospice Oost' });
      const adminToken = await t.login(created.admin.email);
      const user = await t.given.user(created.organisation.id, Role.Coordinator);
      const userToken = await t.login(user.email);
      expect((await t.request('PATCH', '/api/organisations/current/security', { token: userToken, body: { requireTwoFactorFor: ['coordinator'] } })).status).toBe(403);
      const set = await t.request('PATCH', '/api/organisations/current/security', { token: adminToken, body: { requireTwoFactorFor: ['coordinator'] } });
      expect(set.status).toBe(200);
      expect(set.body.requireTwoFactorFor).toEqual(['coordinator']);

      const first = await loginPair(user.email);
      expect(first).toMatchObject({ twoFactorRequired: true, enrolmentRequired: true });
      expect((await post('/api/auth/login/totp', undefined, { challenge: first.challenge })).body).toMatchObject({ statusCode: 400, error: 'code_required' });
      const enrolment = await post('/api/auth/login/totp/enrol', undefined, { challenge: first.challenge });
      expect(enrolment.status).toBe(200);
      const finished = await post('/api/auth/login/totp', undefined, { challenge: first.challenge, code: codeAt(enrolment.body.secret) });
      expect(finished.status).toBe(200);
      expect(finished.body.recoveryCodes).toHaveLength(10);
      const audit = await t.dataSource.query(`SELECT action, resource_type, outcome FROM audit_event WHERE actor_user_id = $1 AND resource_type = 'totp' ORDER BY id`, [user.id]);
      expect(audit).toEqual([{ action: 'create', resource_type: 'totp', outcome: 'success' }]);
      expect((await t.request('DELETE', '/api/me/totp', { token: finished.body.accessToken, body: { password: PASSWORD } })).body).toMatchObject({ statusCode: 409, error: 'two_factor_required' });

      const next = await loginPair(user.email);
      expect(next).toMatchObject({ twoFactorRequired: true, enrolmentRequired: false });
      expect((await post('/api/auth/login/totp/enrol', undefined, { challenge: next.challenge })).body).toMatchObject({ statusCode: 409, error: 'enrolment_not_required' });
      // Admins are not required here: they log in with the password alone.
      expect((await loginPair(created.admin.email)).accessToken).toEqual(expect.any(String));
    });
  });
});
