import { startTestApp, TestApp } from '../support/test-app';

describe('What a person changes about themselves', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    const { admin } = await t.given.organisation();
    token = await t.login(admin.email);
  });
  afterAll(() => t.close());

  it('reads Dutch by default and switches to English', async () => {
    expect((await t.request('GET', '/api/me', { token })).body.user.locale).toBe('nl');
    const changed = await t.request('PATCH', '/api/me', { token, body: { locale: 'en', name: 'Anna de Wit' } });
    expect(changed).toMatchObject({ status: 200, body: { locale: 'en', name: 'Anna de Wit' } });
    expect((await t.request('GET', '/api/me', { token })).body.user).toMatchObject({ locale: 'en', name: 'Anna de Wit' });
  });

  it('refuses a language it does not speak, null, and fields that are not theirs to change', async () => {
    for (const body of [{ locale: 'de' }, { locale: null }, { role: 'admin' }, { name: '' }]) {
      const response = await t.request('PATCH', '/api/me', { token, body });
      expect([body, response.status]).toEqual([body, 400]);
    }
  });
});
