import { Role } from '@app/identity';
import { startTestApp, TestApp } from '../support/test-app';

describe('Referral sources', () => {
  let t: TestApp;
  let orgId: string;
  let admin: string;
  let coordinator: string;
  let referrer: string;
  let volunteer: string;
  let ownSourceId: string;
  let otherSourceId: string;
  let otherOrgSourceId: string;

  const SECRET = 'whsec0123456789abcdefSECRETvalue';
  const forbidden = { statusCode: 403, error: 'forbidden', message: expect.any(String) };
  const validationFailed = (field: string) => ({
    statusCode: 400,
    error: 'validation_failed',
    message: expect.any(String),
    details: expect.arrayContaining([expect.objectContaining({ field })]),
  });
  const webhookSource = (overrides: Record<string, unknown> = {}) => ({
    name: 'UMC Utrecht – oncologie',
    type: 'hospital',
    feedbackChannel: 'webhook',
    webhookUrl: 'https://zorgsysteem.example/hooks/volunteer-match',
    webhookSecret: SECRET,
    ...overrides,
  });
  /** The response exactly as it went over the wire, to look for the secret in the raw text. */
  const raw = async (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, body?: unknown) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      payload: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.statusCode, text: response.body, json: JSON.parse(response.body) };
  };
  const storedSecret = async (id: string) => (await t.dataSource.query(`SELECT webhook_secret FROM referral_source WHERE id = $1`, [id]))[0].webhook_secret;
  const nameInDb = async (id: string) => (await t.dataSource.query(`SELECT name FROM referral_source WHERE id = $1`, [id]))[0].name;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await t.given.organisation();
    orgId = org.organisation.id;
    admin = await t.login(org.admin.email);
    coordinator = await t.login((await t.given.user(orgId, Role.Coordinator)).email);
    ownSourceId = (await t.given.referralSource(orgId, { name: 'Huisartsenpraktijk De Linde', type: 'gp' })).id;
    otherSourceId = (await t.given.referralSource(orgId, { name: 'Thuiszorg Oost', type: 'home_care' })).id;
    referrer = await t.login((await t.given.user(orgId, Role.Referrer, { referralSourceId: ownSourceId })).email);
    volunteer = await t.login((await t.given.user(orgId, Role.Volunteer)).email);
    const other = await t.given.organisation();
    otherOrgSourceId = (await t.given.referralSource(other.organisation.id, { name: 'Ziekenhuis elders', type: 'hospital' })).id;
  });
  afterAll(() => t.close());

  describe('who may do what', () => {
    it.each([
      ['an admin', () => admin],
      ['a coordinator', () => coordinator],
    ])('lets %s list, create and change referral sources, audited', async (_, token) => {
      const list = await t.request('GET', '/api/referral-sources', { token: token() });
      expect(list.status).toBe(200);
      expect(list.body.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([ownSourceId, otherSourceId]));
      expect(list.body.items.map((s: { id: string }) => s.id)).not.toContain(otherOrgSourceId);

      const created = await t.request('POST', '/api/referral-sources', {
        token: token(),
        body: {
          name: '  Wijkteam Overvecht  ',
          type: 'neighbourhood_team',
          contactName: 'Fatima Yilmaz',
          contactEmail: ' F.Yilmaz@Wijkteam.example ',
          contactPhone: '030 123 4567',
          feedbackChannel: 'email',
          feedbackEmail: 'Wijkteam@Overvecht.example',
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Wijkteam Overvecht',
        type: 'neighbourhood_team',
        contactName: 'Fatima Yilmaz',
        contactEmail: 'f.yilmaz@wijkteam.example',
        contactPhone: '030 123 4567',
        feedbackChannel: 'email',
        feedbackEmail: 'wijkteam@overvecht.example',
        webhookUrl: null,
        hasWebhookSecret: false,
        active: true,
        locale: 'nl',
        createdAt: expect.any(String),
      });

      const fetched = await t.request('GET', `/api/referral-sources/${created.body.id}`, { token: token() });
      expect(fetched).toMatchObject({ status: 200, body: { id: created.body.id, name: 'Wijkteam Overvecht' } });

      const patched = await t.request('PATCH', `/api/referral-sources/${created.body.id}`, { token: token(), body: { name: 'Wijkteam Overvecht-Noord', active: false } });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name: 'Wijkteam Overvecht-Noord', active: false, feedbackChannel: 'email', feedbackEmail: 'wijkteam@overvecht.example' });
      expect(await nameInDb(created.body.id)).toBe('Wijkteam Overvecht-Noord');

      const audit = await t.dataSource.query(`SELECT action, outcome FROM audit_event WHERE resource_type = 'referral_source' AND resource_id = $1 ORDER BY id`, [created.body.id]);
      expect(audit).toEqual([
        { action: 'create', outcome: 'success' },
        { action: 'update', outcome: 'success' },
      ]);
    });

    it('starts a source without a feedback channel when none is given', async () => {
      const created = await t.request('POST', '/api/referral-sources', { token: coordinator, body: { name: 'Mantelzorgsteunpunt', type: 'caregiver_support' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ feedbackChannel: 'none', feedbackEmail: null, webhookUrl: null, hasWebhookSecret: false, active: true });
    });

    it('lets a referrer read their own source', async () => {
      const response = await t.request('GET', `/api/referral-sources/${ownSourceId}`, { token: referrer });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: ownSourceId, name: 'Huisartsenpraktijk De Linde', type: 'gp' });
    });

    it('gives a referrer a 404 for another source of their own organisation, and for a source of another organisation', async () => {
      for (const id of [otherSourceId, otherOrgSourceId]) {
        const response = await t.request('GET', `/api/referral-sources/${id}`, { token: referrer });
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ statusCode: 404, error: 'not_found', message: expect.any(String) });
      }
    });

    it('refuses a referrer the list, creating and changing sources (403), even their own, and changes nothing', async () => {
      expect(await t.request('GET', '/api/referral-sources', { token: referrer })).toMatchObject({ status: 403, body: forbidden });
      expect(await t.request('POST', '/api/referral-sources', { token: referrer, body: { name: 'Eigen bron', type: 'gp' } })).toMatchObject({
        status: 403,
        body: forbidden,
      });
      for (const id of [ownSourceId, otherSourceId]) {
        expect(await t.request('PATCH', `/api/referral-sources/${id}`, { token: referrer, body: { name: 'Gekaapt' } })).toMatchObject({ status: 403, body: forbidden });
      }
      expect(await nameInDb(ownSourceId)).toBe('Huisartsenpraktijk De Linde');
      expect(await nameInDb(otherSourceId)).toBe('Thuiszorg Oost');
    });

    it('refuses a volunteer every referral source route with 403', async () => {
      expect(await t.request('GET', '/api/referral-sources', { token: volunteer })).toMatchObject({ status: 403, body: forbidden });
      expect(await t.request('GET', `/api/referral-sources/${ownSourceId}`, { token: volunteer })).toMatchObject({ status: 403, body: forbidden });
      expect(await t.request('POST', '/api/referral-sources', { token: volunteer, body: { name: 'X', type: 'gp' } })).toMatchObject({ status: 403, body: forbidden });
      expect(await t.request('PATCH', `/api/referral-sources/${ownSourceId}`, { token: volunteer, body: { name: 'X' } })).toMatchObject({ status: 403, body: forbidden });
    });

    it("answers 404 for another organisation's source on GET and PATCH, and changes nothing", async () => {
      for (const token of [admin, coordinator]) {
        const read = await t.request('GET', `/api/referral-sources/${otherOrgSourceId}`, { token });
        expect(read).toMatchObject({ status: 404, body: { statusCode: 404, error: 'not_found' } });
        const change = await t.request('PATCH', `/api/referral-sources/${otherOrgSourceId}`, { token, body: { name: 'Overgenomen' } });
        expect(change).toMatchObject({ status: 404, body: { statusCode: 404, error: 'not_found' } });
      }
      expect(await nameInDb(otherOrgSourceId)).toBe('Ziekenhuis elders');
      const list = await t.request('GET', `/api/referral-sources?q=elders`, { token: coordinator });
      expect(list.body).toMatchObject({ total: 0, items: [] });
    });
  });

  describe('feedback channels', () => {
    const incomplete = { statusCode: 422, error: 'feedback_channel_incomplete', message: expect.any(String) };

    it.each([
      ['a webhook without a secret', webhookSource({ webhookSecret: undefined })],
      ['a webhook without a URL', webhookSource({ webhookUrl: undefined })],
      ['a webhook with neither', { name: 'X', type: 'hospital', feedbackChannel: 'webhook' }],
      ['an email channel without an address', { name: 'X', type: 'gp', feedbackChannel: 'email' }],
    ])('refuses %s with 422 feedback_channel_incomplete, and stores nothing', async (_, body) => {
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM referral_source`))[0].n;
      const response = await t.request('POST', '/api/referral-sources', { token: coordinator, body });
      expect(response.status).toBe(422);
      expect(response.body).toEqual(incomplete);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM referral_source`))[0].n).toBe(before);
    });

    it('refuses a change that leaves the channel incomplete, and changes nothing', async () => {
      const source = await t.given.referralSource(orgId, { feedbackChannel: 'none', feedbackEmail: undefined });
      const toWebhook = await t.request('PATCH', `/api/referral-sources/${source.id}`, { token: coordinator, body: { feedbackChannel: 'webhook', webhookUrl: 'https://x.example/hook' } });
      expect(toWebhook).toMatchObject({ status: 422, body: incomplete });
      const toEmail = await t.request('PATCH', `/api/referral-sources/${source.id}`, { token: coordinator, body: { feedbackChannel: 'email' } });
      expect(toEmail).toMatchObject({ status: 422, body: incomplete });
      const after = await t.request('GET', `/api/referral-sources/${source.id}`, { token: coordinator });
      expect(after.body).toMatchObject({ feedbackChannel: 'none', webhookUrl: null, hasWebhookSecret: false });
    });

    it('accepts a webhook channel once URL and secret are both given', async () => {
      const source = await t.given.referralSource(orgId, { feedbackChannel: 'none', feedbackEmail: undefined });
      const response = await t.request('PATCH', `/api/referral-sources/${source.id}`, {
        token: coordinator,
        body: { feedbackChannel: 'webhook', webhookUrl: 'https://x.example/hook', webhookSecret: SECRET },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ feedbackChannel: 'webhook', webhookUrl: 'https://x.example/hook', hasWebhookSecret: true });
    });
  });

  describe('webhook secrets are write-only', () => {
    it('never returns the secret from create, get, list or patch, and says hasWebhookSecret instead', async () => {
      const created = await raw('POST', '/api/referral-sources', coordinator, webhookSource({ name: 'Geheimhouders ziekenhuis' }));
      expect(created.status).toBe(201);
      expect(created.text).not.toContain(SECRET);
      expect(created.json.hasWebhookSecret).toBe(true);
      expect(created.json).not.toHaveProperty('webhookSecret');
      const id = created.json.id;
      expect(await storedSecret(id)).toBe(SECRET);

      const one = await raw('GET', `/api/referral-sources/${id}`, coordinator);
      expect(one.status).toBe(200);
      expect(one.text).not.toContain(SECRET);
      expect(one.json).toMatchObject({ hasWebhookSecret: true });
      expect(one.json).not.toHaveProperty('webhookSecret');

      const list = await raw('GET', '/api/referral-sources?pageSize=100', admin);
      expect(list.status).toBe(200);
      expect(list.text).not.toContain(SECRET);
      expect(list.json.items.find((s: { id: string }) => s.id === id)).toMatchObject({ hasWebhookSecret: true });

      const patched = await raw('PATCH', `/api/referral-sources/${id}`, coordinator, { contactName: 'Piet de Boer' });
      expect(patched.status).toBe(200);
      expect(patched.text).not.toContain(SECRET);
      expect(patched.json).toMatchObject({ contactName: 'Piet de Boer', hasWebhookSecret: true });
    });

    it('does not leak the secret in a validation error either', async () => {
      const response = await raw('POST', '/api/referral-sources', coordinator, webhookSource({ type: 'spaceship' }));
      expect(response.status).toBe(400);
      expect(response.text).not.toContain(SECRET);
    });

    it('keeps the secret when a change leaves it out, and replaces it when a new one is given', async () => {
      const created = await t.request('POST', '/api/referral-sources', { token: coordinator, body: webhookSource({ name: 'Secret keeper' }) });
      const id = created.body.id;
      const renamed = await t.request('PATCH', `/api/referral-sources/${id}`, { token: coordinator, body: { name: 'Secret keeper (renamed)', webhookUrl: 'https://new.example/hook' } });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Secret keeper (renamed)', webhookUrl: 'https://new.example/hook', hasWebhookSecret: true });
      expect(await storedSecret(id)).toBe(SECRET);

      const rotated = await raw('PATCH', `/api/referral-sources/${id}`, coordinator, { webhookSecret: 'a-brand-new-secret-of-32-chars!!' });
      expect(rotated.status).toBe(200);
      expect(rotated.text).not.toContain('a-brand-new-secret-of-32-chars!!');
      expect(await storedSecret(id)).toBe('a-brand-new-secret-of-32-chars!!');
    });

    it('refuses to clear the secret of a webhook source, which would leave the channel unusable', async () => {
      const created = await t.request('POST', '/api/referral-sources', { token: coordinator, body: webhookSource({ name: 'Secret clearer' }) });
      const response = await t.request('PATCH', `/api/referral-sources/${created.body.id}`, { token: coordinator, body: { webhookSecret: null } });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await storedSecret(created.body.id)).toBe(SECRET);
    });
  });

  describe('listing', () => {
    let token: string;

    beforeAll(async () => {
      const org = await t.given.organisation();
      token = await t.login(org.admin.email);
      const id = org.organisation.id;
      await t.given.referralSource(id, { name: 'Antonius Ziekenhuis', type: 'hospital' });
      await t.given.referralSource(id, { name: 'Diakonessenhuis', type: 'hospital', active: false });
      await t.given.referralSource(id, { name: 'Huisartsen Zuilen', type: 'gp' });
      await t.given.referralSource(id, { name: 'Buurtzorg Zuilen', type: 'home_care' });
      await t.given.referralSource(id, { name: '100% Thuis_zorg', type: 'home_care' });
    });

    const names = (body: { items: { name: string }[] }) => body.items.map((s) => s.name);

    it('lists by name and filters by type', async () => {
      const all = await t.request('GET', '/api/referral-sources', { token });
      expect(all.body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
      expect(names(all.body)).toEqual(['100% Thuis_zorg', 'Antonius Ziekenhuis', 'Buurtzorg Zuilen', 'Diakonessenhuis', 'Huisartsen Zuilen']);

      const hospitals = await t.request('GET', '/api/referral-sources?type=hospital', { token });
      expect(hospitals.body.total).toBe(2);
      expect(names(hospitals.body)).toEqual(['Antonius Ziekenhuis', 'Diakonessenhuis']);
    });

    it('finds part of a name, whatever its case, and takes % and _ literally', async () => {
      expect(names((await t.request('GET', '/api/referral-sources?q=zuilen', { token })).body)).toEqual(['Buurtzorg Zuilen', 'Huisartsen Zuilen']);
      expect(names((await t.request('GET', '/api/referral-sources?q=ZIEKENHUIS', { token })).body)).toEqual(['Antonius Ziekenhuis']);
      expect(names((await t.request('GET', `/api/referral-sources?q=${encodeURIComponent('%')}`, { token })).body)).toEqual(['100% Thuis_zorg']);
      expect(names((await t.request('GET', '/api/referral-sources?q=s_z', { token })).body)).toEqual(['100% Thuis_zorg']);
      expect(names((await t.request('GET', '/api/referral-sources?q=zuilen&type=gp', { token })).body)).toEqual(['Huisartsen Zuilen']);
    });

    it('filters by active and paginates', async () => {
      expect(names((await t.request('GET', '/api/referral-sources?active=false', { token })).body)).toEqual(['Diakonessenhuis']);
      const second = await t.request('GET', '/api/referral-sources?page=2&pageSize=2', { token });
      expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
      expect(names(second.body)).toEqual(['Buurtzorg Zuilen', 'Diakonessenhuis']);
    });

    it.each([
      ['an unknown type', 'type=pharmacy'],
      ['a pageSize above 100', 'pageSize=101'],
      ['a q that is too long', `q=${'x'.repeat(101)}`],
      ['an unknown filter', 'city=Utrecht'],
    ])('answers 400 for %s in the query', async (_, query) => {
      const response = await t.request('GET', `/api/referral-sources?${query}`, { token });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'validation_failed', message: expect.any(String) });
    });
  });

  describe('malformed input', () => {
    it.each([
      ['a missing name', { type: 'gp' }, 'name'],
      ['an empty name', { name: '  ', type: 'gp' }, 'name'],
      ['an unknown type', { name: 'X', type: 'pharmacy' }, 'type'],
      ['an unknown feedback channel', { name: 'X', type: 'gp', feedbackChannel: 'sms' }, 'feedbackChannel'],
      ['a feedback email that is not an email', { name: 'X', type: 'gp', feedbackChannel: 'email', feedbackEmail: 'not-an-email' }, 'feedbackEmail'],
      ['a contact email that is not an email', { name: 'X', type: 'gp', contactEmail: 'jan at example' }, 'contactEmail'],
      ['a webhook URL that is not a URL', webhookSource({ webhookUrl: 'zorgsysteem' }), 'webhookUrl'],
      ['a webhook URL with another protocol', webhookSource({ webhookUrl: 'ftp://zorgsysteem.example/hook' }), 'webhookUrl'],
      ['a webhook secret that is too short', webhookSource({ webhookSecret: 'short' }), 'webhookSecret'],
      ['active that is not a boolean', { name: 'X', type: 'gp', active: 'yes' }, 'active'],
      ['an unknown field', { name: 'X', type: 'gp', organisationId: '00000000-0000-4000-8000-000000000000' }, 'organisationId'],
    ])('answers 400 with the error shape for %s', async (_, body, field) => {
      const response = await t.request('POST', '/api/referral-sources', { token: coordinator, body });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject(validationFailed(field));
    });

    it('answers 400 for a malformed change and a malformed id', async () => {
      const patch = await t.request('PATCH', `/api/referral-sources/${otherSourceId}`, { token: coordinator, body: { type: 'pharmacy' } });
      expect(patch).toMatchObject({ status: 400, body: validationFailed('type') });
      expect((await t.request('GET', '/api/referral-sources/123', { token: coordinator })).status).toBe(400);
    });

    it.each([
      ['a null name', { name: null }],
      ['a null type', { type: null }],
      ['a null feedback channel', { feedbackChannel: null }],
      ['a null active', { active: null }],
    ])('answers a PATCH with %s with a 4xx, never a 500, and changes nothing', async (_, body) => {
      const response = await t.request('PATCH', `/api/referral-sources/${otherSourceId}`, { token: coordinator, body });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body).toMatchObject({ statusCode: response.status, error: expect.any(String), message: expect.any(String) });
      expect((await t.request('GET', `/api/referral-sources/${otherSourceId}`, { token: coordinator })).body).toMatchObject({
        name: 'Thuiszorg Oost',
        type: 'home_care',
        feedbackChannel: 'email',
        active: true,
      });
    });
  });
});
