import { Role } from '@app/identity';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';

describe('Roles and organisation scope', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let adminA: string;
  let coordinatorA: string;
  let referrerA: string;
  let volunteerA: string;
  let userB: string;

  beforeAll(async () => {
    t = await startTestApp();
    const a = await t.given.organisation({ name: 'Hospice A', isHost: true });
    const b = await t.given.organisation({ name: 'Buurtnetwerk B' });
    orgA = a.organisation.id;
    orgB = b.organisation.id;
    adminA = await t.login(a.admin.email);
    coordinatorA = await t.login((await t.given.user(orgA, Role.Coordinator)).email);
    referrerA = await t.login((await t.given.user(orgA, Role.Referrer)).email);
    volunteerA = await t.login((await t.given.user(orgA, Role.Volunteer)).email);
    userB = (await t.given.user(orgB, Role.Coordinator)).id;
  });
  afterAll(() => t.close());

  it("gives a coordinator of A a 404 for a user of B: B's data does not exist for them", async () => {
    const response = await t.request('GET', `/api/users/${userB}`, { token: coordinatorA });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ statusCode: 404, error: 'not_found', message: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toContain(orgB);
  });

  it("gives an admin of A a 404 when changing a user of B, and changes nothing", async () => {
    const response = await t.request('PATCH', `/api/users/${userB}`, { token: adminA, body: { active: false } });
    expect(response.status).toBe(404);
    const [row] = await t.dataSource.query(`SELECT active FROM app_user WHERE id = $1`, [userB]);
    expect(row.active).toBe(true);
  });

  it("lists only the caller's own organisation", async () => {
    const response = await t.request('GET', '/api/users?pageSize=100', { token: coordinatorA });
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(4);
    expect(response.body.items.map((u: { organisationId: string }) => u.organisationId)).toEqual(Array(4).fill(orgA));
  });

  it('paginates with page and pageSize, and filters by role', async () => {
    const first = await t.request('GET', '/api/users?page=1&pageSize=3', { token: adminA });
    const second = await t.request('GET', '/api/users?page=2&pageSize=3', { token: adminA });
    expect(first.body).toMatchObject({ page: 1, pageSize: 3, total: 4 });
    expect(first.body.items).toHaveLength(3);
    expect(second.body.items).toHaveLength(1);
    const referrers = await t.request('GET', '/api/users?role=referrer', { token: adminA });
    expect(referrers.body.items.map((u: { role: string }) => u.role)).toEqual(['referrer']);
  });

  it.each([
    ['referrer', () => referrerA],
    ['volunteer', () => volunteerA],
  ])('refuses a %s on admin routes with 403', async (_, token) => {
    const forbidden = { statusCode: 403, error: 'forbidden', message: expect.any(String) };
    const body = { email: t.given.email(), name: 'X', role: 'volunteer', password: PASSWORD };
    expect(await t.request('GET', '/api/users', { token: token() })).toMatchObject({ status: 403, body: forbidden });
    expect(await t.request('POST', '/api/users', { token: token(), body })).toMatchObject({ status: 403, body: forbidden });
    expect(await t.request('PATCH', `/api/users/${userB}`, { token: token(), body: { active: false } })).toMatchObject({ status: 403 });
    expect(await t.request('POST', '/api/organisations', { token: token(), body: { name: 'X', admin: body } })).toMatchObject({ status: 403 });
  });

  it('refuses a coordinator on admin-only writes with 403', async () => {
    const body = { email: t.given.email(), name: 'X', role: 'volunteer', password: PASSWORD };
    expect((await t.request('POST', '/api/users', { token: coordinatorA, body })).status).toBe(403);
  });

  it('records a refused attempt on an audited route as denied', async () => {
    await t.request('POST', '/api/users', { token: volunteerA, body: { email: t.given.email(), name: 'X', role: 'admin', password: PASSWORD } });
    const rows = await t.dataSource.query(`SELECT outcome, actor_role FROM audit_event WHERE resource_type = 'user' AND outcome = 'denied'`);
    expect(rows).toContainEqual({ outcome: 'denied', actor_role: 'volunteer' });
  });

  it('lets an admin create a user in their own organisation, audited, and refuses a duplicate email with 409', async () => {
    const email = t.given.email('new');
    const created = await t.request('POST', '/api/users', { token: adminA, body: { email, name: 'Nieuwe Coördinator', role: 'coordinator', password: PASSWORD } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, organisationId: orgA, role: 'coordinator', active: true });
    expect(created.body.passwordHash).toBeUndefined();
    const [audit] = await t.dataSource.query(`SELECT action, outcome, organisation_id FROM audit_event WHERE resource_id = $1`, [created.body.id]);
    expect(audit).toEqual({ action: 'create', outcome: 'success', organisation_id: orgA });

    const duplicate = await t.request('POST', '/api/users', { token: adminA, body: { email, name: 'Dubbel', role: 'coordinator', password: PASSWORD } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toBe('email_taken');
  });

  it('deactivating a user ends their logins at once; an admin cannot deactivate themselves', async () => {
    const user = await t.given.user(orgA, Role.Referrer);
    const token = await t.login(user.email);
    const patched = await t.request('PATCH', `/api/users/${user.id}`, { token: adminA, body: { active: false } });
    expect(patched).toMatchObject({ status: 200, body: { active: false } });
    expect((await t.request('GET', '/api/me', { token })).status).toBe(401);
    const ids = async (query: string) =>
      (await t.request('GET', `/api/users?${query}`, { token: adminA })).body.items.map((u: { id: string }) => u.id);
    expect(await ids('active=false')).toEqual([user.id]);
    expect(await ids('active=true')).not.toContain(user.id);

    const me = await t.request('GET', '/api/me', { token: adminA });
    const self = await t.request('PATCH', `/api/users/${me.body.user.id}`, { token: adminA, body: { active: false } });
    expect(self).toMatchObject({ status: 409, body: { error: 'cannot_change_self' } });
  });

  describe('organisations', () => {
    it('lets a host admin create an organisation whose admin sees only their own organisation', async () => {
      const admin = { email: t.given.email('c-admin'), name: 'C Admin', password: PASSWORD };
      const created = await t.request('POST', '/api/organisations', { token: adminA, body: { name: 'Netwerk C', admin } });
      expect(created.status).toBe(201);
      expect(created.body.organisation).toMatchObject({ name: 'Netwerk C', isHost: false });

      const adminC = await t.login(admin.email);
      const users = await t.request('GET', '/api/users', { token: adminC });
      expect(users.body.items.map((u: { email: string }) => u.email)).toEqual([admin.email]);
      expect((await t.request('GET', `/api/users/${userB}`, { token: adminC })).status).toBe(404);
    });

    it('refuses an admin of a non-host organisation with 403', async () => {
      const b = await t.given.organisation();
      const token = await t.login(b.admin.email);
      const response = await t.request('POST', '/api/organisations', {
        token,
        body: { name: 'Sneaky', admin: { email: t.given.email(), name: 'X', password: PASSWORD } },
      });
      expect(response.status).toBe(403);
    });
  });
});
