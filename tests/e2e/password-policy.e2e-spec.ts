import { AppConfig, ConfigurationError } from '@app/core';
import { BootstrapAdminService, OrganisationsService, UserRepository } from '@app/identity';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';

/** NIST SP 800-63B: no common or breached passwords, none built from the account's own email or name. */
describe('Password policy', () => {
  let t: TestApp;
  let adminA: string;

  beforeAll(async () => {
    t = await startTestApp();
    const a = await t.given.organisation({ name: 'Hospice A', isHost: true });
    adminA = await t.login(a.admin.email);
  });
  afterAll(() => t.close());

  const userCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user`))[0].n;

  it.each([
    ['only spaces', ' '.repeat(12), 'password_too_simple'],
    ['one repeated character', 'aaaaaaaaaaaa', 'password_too_simple'],
    ['a repeated short pattern', 'abcabcabcabc', 'password_too_simple'],
    ['a run of consecutive characters', 'abcdefghijklm', 'password_too_simple'],
    ['a common password', 'password1234', 'password_too_common'],
    ['a common password in other letter case', 'PassWord1234', 'password_too_common'],
    ['digits in a row', '123456789012', 'password_too_simple'],
    ['a common password of digits', '123456654321', 'password_too_common'],
    ['the email itself', 'm.bos@hospice.example', 'password_contains_email'],
    ["the email's local part in capitals within other words", 'zomer-M.BOS-2026!', 'password_contains_email'],
    ['the name with other separators', 'Marieke_Bosman_1958', 'password_contains_name'],
  ])('refuses %s with 400 and a code that says why, naming the field, and stores nothing', async (_, password, code) => {
    const before = await userCount();
    const response = await t.request('POST', '/api/users', {
      token: adminA,
      body: { email: 'm.bos@hospice.example', name: 'Marieke Bosman', role: 'coordinator', password },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ statusCode: 400, error: code, message: expect.any(String), details: [{ field: 'password', errors: [response.body.message], constraints: [code] }] });
    expect(await userCount()).toBe(before);
  });

  it("accepts the tests' own password and a long passphrase", async () => {
    for (const password of [PASSWORD, 'kopje thee bij de open haard']) {
      const response = await t.request('POST', '/api/users', { token: adminA, body: { email: t.given.email(), name: 'Marieke Bosman', role: 'coordinator', password } });
      expect(response.status).toBe(201);
    }
  });

  it("refuses a new organisation's first admin whose password is their email, naming admin.password", async () => {
    const email = t.given.email('first');
    const response = await t.request('POST', '/api/organisations', { token: adminA, body: { name: 'Netwerk Z', admin: { email, name: 'Zoë', password: email } } });
    expect(response).toMatchObject({ status: 400, body: { error: 'password_contains_email', details: [{ field: 'admin.password' }] } });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM organisation WHERE name = 'Netwerk Z'`);
    expect(n).toBe(0);
  });

  describe('the bootstrap admin (BOOTSTRAP_ADMIN_PASSWORD)', () => {
    let fresh: TestApp;
    beforeAll(async () => (fresh = await startTestApp())); // no users yet: bootstrap would create the first admin
    afterAll(() => fresh.close());

    const bootstrapWith = (adminPassword: string) => {
      const config = fresh.app.get(AppConfig);
      return new BootstrapAdminService(
        { ...config, bootstrap: { adminEmail: 'admin@example.org', adminPassword, organisationName: 'Hospice Het Baken' } } as AppConfig,
        fresh.app.get(UserRepository),
        fresh.app.get(OrganisationsService),
      ).run();
    };

    it('refuses to boot with a common password, with a message that names the variable and says why', async () => {
      await expect(bootstrapWith('password1234')).rejects.toThrow(ConfigurationError);
      await expect(bootstrapWith('password1234')).rejects.toThrow(/BOOTSTRAP_ADMIN_PASSWORD.*common/);
      await expect(bootstrapWith('admin@example.org')).rejects.toThrow(/BOOTSTRAP_ADMIN_PASSWORD.*email/);
      expect(await fresh.app.get(UserRepository).countAll()).toBe(0);
    });

    it("accepts the README's example password", async () => {
      await bootstrapWith('change-me-please');
      expect(await fresh.app.get(UserRepository).countAll()).toBe(1);
    });
  });
});
