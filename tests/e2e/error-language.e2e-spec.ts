import { Role } from '@app/identity';
import { startTestApp, TestApp } from '../support/test-app';

/** Error messages in the reader's language: the account's, else Accept-Language, else Dutch. Codes stay English. */
describe('Error messages in the reader language', () => {
  let t: TestApp;
  let orgId: string;
  let programmeId: string;
  let sourceId: string;
  let coordinator: string;
  const missing = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_ACCOUNT_FREE_ATTEMPTS: '1', LOGIN_ACCOUNT_BASE_DELAY_SECONDS: '30', LOGIN_ACCOUNT_MAX_DELAY_SECONDS: '60' } });
    orgId = (await t.given.organisation()).organisation.id;
    programmeId = (await t.given.programme(orgId, 'buddy')).id;
    sourceId = (await t.given.referralSource(orgId)).id;
    coordinator = await t.login((await t.given.user(orgId, Role.Coordinator)).email);
  });
  afterAll(async () => {
    for (const name of ['LOGIN_ACCOUNT_FREE_ATTEMPTS', 'LOGIN_ACCOUNT_BASE_DELAY_SECONDS', 'LOGIN_ACCOUNT_MAX_DELAY_SECONDS']) delete process.env[name];
    await t.close();
  });

  it('answers a Dutch user in Dutch: not found, an illegal transition, a validation error', async () => {
    const notFound = await t.request('GET', `/api/requests/${missing}`, { token: coordinator, headers: { 'accept-language': 'en' } });
    expect(notFound.body).toEqual({ statusCode: 404, error: 'not_found', message: `Aanvraag ${missing} is niet gevonden` });

    const { id } = await t.given.request(orgId, { programmeId, referralSourceId: sourceId });
    const close = await t.request('POST', `/api/requests/${id}/close`, { token: coordinator, body: { reason: 'x' } });
    expect(close.body).toMatchObject({ statusCode: 409, error: 'illegal_transition', details: { from: 'submitted', to: 'closed' } });
    expect(close.body.message).toMatch(/^Een aanvraag die ‘ingediend’ is, kan niet naar ‘afgesloten’ \(wel naar: .*wacht op informatie.*\)$/);

    const invalid = await t.request('PATCH', `/api/requests/${id}`, { token: coordinator, body: { coordinatorNotes: 'x'.repeat(4001), colour: 'red' } });
    expect(invalid.body).toMatchObject({ statusCode: 400, error: 'validation_failed' });
    expect(invalid.body.details).toEqual(
      expect.arrayContaining([
        { field: 'coordinatorNotes', errors: ['coordinatorNotes mag hoogstens 4000 tekens lang zijn'], constraints: ['maxLength'] },
        { field: 'colour', errors: ['colour is geen bekend veld'], constraints: ['whitelistValidation'] },
      ]),
    );
    expect(invalid.body.message).toContain('coordinatorNotes mag hoogstens 4000 tekens lang zijn');
  });

  it('answers a user who chose English in English, whatever the browser says', async () => {
    const user = await t.given.user(orgId, Role.Coordinator);
    const token = await t.login(user.email);
    expect((await t.request('PATCH', '/api/me', { token, body: { locale: 'en' } })).status).toBe(200);

    const notFound = await t.request('GET', `/api/requests/${missing}`, { token, headers: { 'accept-language': 'nl' } });
    expect(notFound.body).toEqual({ statusCode: 404, error: 'not_found', message: `Request ${missing} was not found` });
    const { id } = await t.given.request(orgId, { programmeId, referralSourceId: sourceId });
    const close = await t.request('POST', `/api/requests/${id}/close`, { token, body: { reason: 'x' } });
    expect(close.body.message).toMatch(/^A request that is submitted cannot become closed \(it can become: .*waiting for information.*\)$/);
    const invalid = await t.request('PATCH', `/api/requests/${id}`, { token, body: { coordinatorNotes: 'x'.repeat(4001) } });
    expect(invalid.body.details).toEqual([{ field: 'coordinatorNotes', errors: ['coordinatorNotes must be at most 4000 characters long'], constraints: ['maxLength'] }]);
  });

  it('answers an anonymous caller in the language of Accept-Language, else in Dutch', async () => {
    const english = await t.request('GET', '/api/requests', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(english.body).toEqual({ statusCode: 401, error: 'unauthorized', message: 'Log in first: send an access token (Authorization: Bearer <token>)' });
    const dutch = await t.request('GET', '/api/requests');
    expect(dutch.body).toEqual({ statusCode: 401, error: 'unauthorized', message: 'Log eerst in: stuur een toegangstoken mee (Authorization: Bearer <token>)' });
    expect((await t.request('GET', '/api/does-not-exist', { headers: { 'accept-language': 'en' } })).body.message).toBe('This address does not exist');
    expect((await t.request('GET', '/api/does-not-exist', { headers: { 'accept-language': 'fr' } })).body.message).toBe('Dit adres bestaat niet');
  });

  it('says how long to wait after too many logins, with Retry-After, in the caller language', async () => {
    const email = (await t.given.user(orgId, Role.Volunteer)).email;
    expect((await t.request('POST', '/api/auth/login', { body: { email, password: 'wrong-password-1' } })).status).toBe(401);
    const dutch = await t.request('POST', '/api/auth/login', { body: { email, password: 'wrong-password-2' } });
    expect(dutch).toMatchObject({ status: 429, body: { error: 'too_many_requests' } });
    expect(dutch.body.message).toBe(`Te veel inlogpogingen voor dit account; probeer het over ${dutch.headers['retry-after']} seconden opnieuw`);
    const english = await t.request('POST', '/api/auth/login', { body: { email, password: 'wrong-password-3' }, headers: { 'accept-language': 'en' } });
    expect(english.body.message).toBe(`Too many login attempts on this account; try again in ${english.headers['retry-after']} seconds`);
    expect(Number(english.headers['retry-after'])).toBeGreaterThan(1);
  });
});
