import { Role } from '@app/identity';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';

describe('Users linked to a referral source or a volunteer profile', () => {
  let t: TestApp;
  let orgId: string;
  let admin: string;
  let sourceId: string;
  let otherOrgSourceId: string;
  let otherOrgVolunteerId: string;

  const newUser = (role: string, links: { referralSourceId?: string; volunteerId?: string } = {}) => ({
    email: t.given.email(role),
    name: `Nieuwe ${role}`,
    role,
    password: PASSWORD,
    ...links,
  });
  const userCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user`))[0].n;
  const userRow = async (id: string) => (await t.dataSource.query(`SELECT role, referral_source_id, volunteer_id FROM app_user WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    t = await startTestApp();
    const org = await t.given.organisation();
    orgId = org.organisation.id;
    admin = await t.login(org.admin.email);
    sourceId = (await t.given.referralSource(orgId)).id;
    const other = await t.given.organisation();
    otherOrgSourceId = (await t.given.referralSource(other.organisation.id)).id;
    otherOrgVolunteerId = (await t.given.volunteer(other.organisation.id)).volunteer.id;
  });
  afterAll(() => t.close());

  describe('referrers', () => {
    it('refuses a referrer without a referral source with 422 referral_source_required, and stores nothing', async () => {
      const before = await userCount();
      const response = await t.request('POST', '/api/users', { token: admin, body: newUser('referrer') });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({ statusCode: 422, error: 'referral_source_required', message: expect.any(String) });
      expect(await userCount()).toBe(before);
    });

    it('answers 404 for a referral source of another organisation, and stores nothing', async () => {
      const before = await userCount();
      const response = await t.request('POST', '/api/users', { token: admin, body: newUser('referrer', { referralSourceId: otherOrgSourceId }) });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ statusCode: 404, error: 'not_found', message: expect.any(String) });
      expect(await userCount()).toBe(before);
    });

    it('answers 404 for a referral source that does not exist', async () => {
      const response = await t.request('POST', '/api/users', { token: admin, body: newUser('referrer', { referralSourceId: '00000000-0000-4000-8000-000000000000' }) });
      expect(response).toMatchObject({ status: 404, body: { error: 'not_found' } });
    });

    it('creates a referrer for a source of the organisation, who then reads that source', async () => {
      const body = newUser('referrer', { referralSourceId: sourceId });
      const response = await t.request('POST', '/api/users', { token: admin, body });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ role: 'referrer', referralSourceId: sourceId, volunteerId: null, organisationId: orgId });
      const token = await t.login(body.email);
      expect((await t.request('GET', `/api/referral-sources/${sourceId}`, { token })).status).toBe(200);
    });
  });

  describe('volunteers', () => {
    it('refuses a volunteer login without a volunteer profile with 422 volunteer_required, and stores nothing', async () => {
      const before = await userCount();
      const response = await t.request('POST', '/api/users', { token: admin, body: newUser('volunteer') });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({ statusCode: 422, error: 'volunteer_required', message: expect.any(String) });
      expect(await userCount()).toBe(before);
    });

    it('answers 404 for a volunteer profile of another organisation', async () => {
      const response = await t.request('POST', '/api/users', { token: admin, body: newUser('volunteer', { volunteerId: otherOrgVolunteerId }) });
      expect(response).toMatchObject({ status: 404, body: { statusCode: 404, error: 'not_found' } });
    });

    it('gives a volunteer profile one login: a second is 409 volunteer_has_login', async () => {
      const { volunteer } = await t.given.volunteer(orgId);
      const first = newUser('volunteer', { volunteerId: volunteer.id });
      const created = await t.request('POST', '/api/users', { token: admin, body: first });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ role: 'volunteer', volunteerId: volunteer.id, referralSourceId: null });

      const before = await userCount();
      const second = await t.request('POST', '/api/users', { token: admin, body: newUser('volunteer', { volunteerId: volunteer.id }) });
      expect(second.status).toBe(409);
      expect(second.body).toEqual({ statusCode: 409, error: 'volunteer_has_login', message: expect.any(String) });
      expect(await userCount()).toBe(before);

      const token = await t.login(first.email);
      expect((await t.request('GET', `/api/volunteers/${volunteer.id}`, { token })).status).toBe(200);
    });

    it('refuses to move a volunteer profile that already has a login to another user (409)', async () => {
      const taken = (await t.given.user(orgId, Role.Volunteer)).volunteerId as string;
      const other = await t.given.user(orgId, Role.Volunteer);
      const response = await t.request('PATCH', `/api/users/${other.id}`, { token: admin, body: { volunteerId: taken } });
      expect(response).toMatchObject({ status: 409, body: { error: 'volunteer_has_login' } });
      expect((await userRow(other.id)).volunteer_id).toBe(other.volunteerId);
    });
  });

  describe('other roles', () => {
    it('ignores a referral source and a volunteer profile given for a coordinator', async () => {
      const { volunteer } = await t.given.volunteer(orgId);
      const response = await t.request('POST', '/api/users', { token: admin, body: newUser('coordinator', { referralSourceId: sourceId, volunteerId: volunteer.id }) });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ role: 'coordinator', referralSourceId: null, volunteerId: null });
      expect(await userRow(response.body.id)).toEqual({ role: 'coordinator', referral_source_id: null, volunteer_id: null });
    });

    it('ignores a referral source given for an admin', async () => {
      const response = await t.request('POST', '/api/users', { token: admin, body: newUser('admin', { referralSourceId: sourceId }) });
      expect(response).toMatchObject({ status: 201, body: { role: 'admin', referralSourceId: null } });
    });
  });

  describe('changing the role', () => {
    it('refuses to make a coordinator a referrer without a source with 422 (never a 500), and changes nothing', async () => {
      const coordinator = await t.given.user(orgId, Role.Coordinator);
      const response = await t.request('PATCH', `/api/users/${coordinator.id}`, { token: admin, body: { role: 'referrer' } });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({ statusCode: 422, error: 'referral_source_required', message: expect.any(String) });
      expect(await userRow(coordinator.id)).toEqual({ role: 'coordinator', referral_source_id: null, volunteer_id: null });
    });

    it('refuses to make a coordinator a volunteer without a profile with 422 volunteer_required', async () => {
      const coordinator = await t.given.user(orgId, Role.Coordinator);
      const response = await t.request('PATCH', `/api/users/${coordinator.id}`, { token: admin, body: { role: 'volunteer' } });
      expect(response).toMatchObject({ status: 422, body: { error: 'volunteer_required' } });
      expect((await userRow(coordinator.id)).role).toBe('coordinator');
    });

    it('answers 404 when the source given with the new role belongs to another organisation', async () => {
      const coordinator = await t.given.user(orgId, Role.Coordinator);
      const response = await t.request('PATCH', `/api/users/${coordinator.id}`, { token: admin, body: { role: 'referrer', referralSourceId: otherOrgSourceId } });
      expect(response).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect((await userRow(coordinator.id)).role).toBe('coordinator');
    });

    it('makes a coordinator a referrer when a source of the organisation is given, and back again without the link', async () => {
      const coordinator = await t.given.user(orgId, Role.Coordinator);
      const toReferrer = await t.request('PATCH', `/api/users/${coordinator.id}`, { token: admin, body: { role: 'referrer', referralSourceId: sourceId } });
      expect(toReferrer).toMatchObject({ status: 200, body: { role: 'referrer', referralSourceId: sourceId } });

      const back = await t.request('PATCH', `/api/users/${coordinator.id}`, { token: admin, body: { role: 'coordinator' } });
      expect(back).toMatchObject({ status: 200, body: { role: 'coordinator', referralSourceId: null } });
      expect(await userRow(coordinator.id)).toEqual({ role: 'coordinator', referral_source_id: null, volunteer_id: null });
    });

    it('moves a referrer to another source of the organisation', async () => {
      const referrer = await t.given.user(orgId, Role.Referrer);
      const response = await t.request('PATCH', `/api/users/${referrer.id}`, { token: admin, body: { referralSourceId: sourceId } });
      expect(response).toMatchObject({ status: 200, body: { role: 'referrer', referralSourceId: sourceId } });
    });

    it.each([
      ['a referralSourceId that is not a uuid', { referralSourceId: 'source-1' }, 'referralSourceId'],
      ['a volunteerId that is not a uuid', { volunteerId: 42 }, 'volunteerId'],
      ['an unknown role', { role: 'superuser' }, 'role'],
    ])('answers 400 for %s', async (_, body, field) => {
      const coordinator = await t.given.user(orgId, Role.Coordinator);
      const response = await t.request('PATCH', `/api/users/${coordinator.id}`, { token: admin, body });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'validation_failed', details: expect.arrayContaining([expect.objectContaining({ field })]) });
    });
  });
});
