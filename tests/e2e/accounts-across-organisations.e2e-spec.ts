import { ConflictError } from '@app/core';
import { OrganisationsService, Role } from '@app/identity';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';

/** One email address, accounts in several organisations (a volunteer may serve two). */
describe('Accounts with the same email in several organisations', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let adminA: string;
  let adminB: string;

  beforeAll(async () => {
    t = await startTestApp();
    const a = await t.given.organisation({ name: 'Hospice A', isHost: true });
    const b = await t.given.organisation({ name: 'Buurtnetwerk B' });
    orgA = a.organisation.id;
    orgB = b.organisation.id;
    adminA = await t.login(a.admin.email);
    adminB = await t.login(b.admin.email);
  });
  afterAll(() => t.close());

  const createUser = (token: string, email: string, password = PASSWORD, name = 'Sam Jansen') =>
    t.request('POST', '/api/users', { token, body: { email, name, role: 'coordinator', password } });
  const login = (body: Record<string, unknown>) => t.request('POST', '/api/auth/login', { body });
  const organisationOf = async (accessToken: string) => (await t.request('GET', '/api/me', { token: accessToken })).body.organisation.id;

  it("answers an email taken in another organisation exactly as a fresh one: nothing about the other organisation's users leaks", async () => {
    const takenInA = (await t.given.user(orgA, Role.Coordinator)).email;
    const fresh = await createUser(adminB, t.given.email('fresh'));
    const acrossOrganisations = await createUser(adminB, takenInA);

    expect(acrossOrganisations.status).toBe(fresh.status);
    expect(acrossOrganisations.status).toBe(201);
    expect(Object.keys(acrossOrganisations.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(acrossOrganisations.body).toMatchObject({ email: takenInA, organisationId: orgB, active: true, lastLoginAt: null });
    expect(JSON.stringify(acrossOrganisations.body)).not.toContain(orgA);
  });

  it('still refuses an email taken in the own organisation with 409 email_taken, storing nothing', async () => {
    const email = t.given.email('twice');
    expect((await createUser(adminB, email)).status).toBe(201);
    const duplicate = await createUser(adminB, email.toUpperCase(), 'another-long-passphrase-9');
    expect(duplicate).toMatchObject({ status: 409, body: { statusCode: 409, error: 'email_taken' } });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE email = $1`, [email]);
    expect(n).toBe(1);
  });

  it('logs in to the organisation whose account the password belongs to', async () => {
    const email = t.given.email('two-hats');
    expect((await createUser(adminA, email, 'passphrase-for-hospice-a')).status).toBe(201);
    expect((await createUser(adminB, email, 'passphrase-for-network-b')).status).toBe(201);

    const intoA = await login({ email, password: 'passphrase-for-hospice-a' });
    const intoB = await login({ email, password: 'passphrase-for-network-b' });
    expect(intoA.status).toBe(200);
    expect(intoB.status).toBe(200);
    expect(await organisationOf(intoA.body.accessToken)).toBe(orgA);
    expect(await organisationOf(intoB.body.accessToken)).toBe(orgB);
    expect((await login({ email, password: 'passphrase-for-neither' })).body).toEqual({ statusCode: 401, error: 'invalid_credentials', message: expect.any(String) });
  });

  it('asks which organisation when the password opens several accounts, naming only those, and logs in to the one chosen', async () => {
    const email = t.given.email('same-password');
    expect((await createUser(adminA, email)).status).toBe(201);
    expect((await createUser(adminB, email)).status).toBe(201);
    const unrelated = await t.given.organisation({ name: 'Onbetrokken C' });

    const ambiguous = await login({ email, password: PASSWORD });
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body).toEqual({
      statusCode: 409,
      error: 'organisation_required',
      message: expect.any(String),
      details: { organisations: expect.arrayContaining([{ id: orgA, name: 'Hospice A' }, { id: orgB, name: 'Buurtnetwerk B' }]) },
    });
    expect(ambiguous.body.details.organisations).toHaveLength(2);
    expect(JSON.stringify(ambiguous.body)).not.toContain(unrelated.organisation.id);

    const chosen = await login({ email, password: PASSWORD, organisationId: orgB });
    expect(chosen.status).toBe(200);
    expect(await organisationOf(chosen.body.accessToken)).toBe(orgB);
    expect((await login({ email, password: 'wrong-password-here', organisationId: orgB })).status).toBe(401);
    expect((await login({ email, password: PASSWORD, organisationId: unrelated.organisation.id })).status).toBe(401);
  });

  it('logs in to the active account when the one in the other organisation is deactivated', async () => {
    const email = t.given.email('moved-on');
    const inA = await createUser(adminA, email);
    expect((await createUser(adminB, email)).status).toBe(201);
    expect((await t.request('PATCH', `/api/users/${inA.body.id}`, { token: adminA, body: { active: false } })).status).toBe(200);

    const response = await login({ email, password: PASSWORD });
    expect(response.status).toBe(200);
    expect(await organisationOf(response.body.accessToken)).toBe(orgB);
  });

  it('refuses an organisationId that is not a uuid with 400', async () => {
    const response = await login({ email: 'someone@example.org', password: PASSWORD, organisationId: 'hospice-a' });
    expect(response).toMatchObject({ status: 400, body: { error: 'validation_failed', details: [expect.objectContaining({ field: 'organisationId' })] } });
  });

  it('lets a host admin create an organisation whose first admin already has an account elsewhere', async () => {
    const admin = { email: t.given.email('serves-two'), name: 'Kim de Boer', password: PASSWORD };
    expect((await createUser(adminB, admin.email)).status).toBe(201);
    const created = await t.request('POST', '/api/organisations', { token: adminA, body: { name: 'Netwerk D', admin } });
    expect(created.status).toBe(201);
    expect(created.body.admin).toMatchObject({ email: admin.email, organisationId: created.body.organisation.id });
  });

  it('keeps one hosting organisation: a second bootstrap (another instance at the same moment) is a conflict', async () => {
    const second = t.app.get(OrganisationsService).createWithAdmin({ name: 'Hospice A again', admin: { email: t.given.email('boot'), name: 'Administrator', password: PASSWORD } }, true);
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM organisation WHERE is_host`);
    expect(n).toBe(1);
  });
});
