import { Role } from '@app/identity';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Every domain route for every role: allowed where it should be, 403 for a role that may not use it,
 * 404 for another organisation's data (its existence is not revealed).
 */
describe('Who may use which domain route', () => {
  let t: TestApp;
  let org: string;
  const token: Record<string, string> = {};
  let own: { programme: string; source: string; volunteer: string; otherVolunteer: string; credential: string };
  let foreign: { programme: string; source: string; volunteer: string };
  let referrerSource: string;

  const programmeBody = { name: 'Vrijwilligers thuis', kind: 'practical' };
  const sourceBody = { name: 'Huisartsenpraktijk Zuid', type: 'gp', feedbackChannel: 'email', feedbackEmail: 'zuid@praktijk.example' };
  const volunteerBody = { firstName: 'Ravi', lastName: 'Ramdin', birthDate: '1962-03-03', lat: 52.1, lon: 5.1, kinds: ['practical'] };

  beforeAll(async () => {
    t = await startTestApp();
    const a = await t.given.organisation();
    const b = await t.given.organisation();
    org = a.organisation.id;
    token.admin = await t.login(a.admin.email);
    token.coordinator = await t.login((await t.given.user(org, Role.Coordinator)).email);
    const referrer = await t.given.user(org, Role.Referrer);
    referrerSource = referrer.referralSourceId as string;
    token.referrer = await t.login(referrer.email);
    const volunteerUser = await t.given.user(org, Role.Volunteer);
    token.volunteer = await t.login(volunteerUser.email);
    const otherVolunteer = await t.given.volunteer(org);
    const credential = await t.request('POST', `/api/volunteers/${otherVolunteer.volunteer.id}/credentials`, {
      token: token.coordinator,
      body: { type: 'vog', issuedOn: '2025-01-01', expiresOn: '2028-01-01' },
    });
    own = {
      programme: (await t.given.programme(org)).id,
      source: (await t.given.referralSource(org)).id,
      volunteer: volunteerUser.volunteerId as string,
      otherVolunteer: otherVolunteer.volunteer.id,
      credential: credential.body.id,
    };
    foreign = {
      programme: (await t.given.programme(b.organisation.id)).id,
      source: (await t.given.referralSource(b.organisation.id)).id,
      volunteer: (await t.given.volunteer(b.organisation.id)).volunteer.id,
    };
  });
  afterAll(() => t.close());

  type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  const call = (role: string, method: Method, url: string, body?: object) => t.request(method, url, { token: token[role], body });

  // [route, method, url, body, the roles that may use it]
  const routes: Array<[string, Method, () => string, object | undefined, string[]]> = [
    ['list programmes', 'GET', () => '/api/programmes', undefined, ['admin', 'coordinator', 'referrer', 'volunteer']],
    ['read a programme', 'GET', () => `/api/programmes/${own.programme}`, undefined, ['admin', 'coordinator', 'referrer', 'volunteer']],
    ['create a programme', 'POST', () => '/api/programmes', programmeBody, ['admin', 'coordinator']],
    ['change a programme', 'PATCH', () => `/api/programmes/${own.programme}`, { description: 'Nieuw' }, ['admin', 'coordinator']],
    ['list referral sources', 'GET', () => '/api/referral-sources', undefined, ['admin', 'coordinator']],
    ['create a referral source', 'POST', () => '/api/referral-sources', sourceBody, ['admin', 'coordinator']],
    ['change a referral source', 'PATCH', () => `/api/referral-sources/${own.source}`, { contactName: 'Dr. Smit' }, ['admin', 'coordinator']],
    ['list volunteers', 'GET', () => '/api/volunteers', undefined, ['admin', 'coordinator']],
    ['register a volunteer', 'POST', () => '/api/volunteers', volunteerBody, ['admin', 'coordinator']],
    ['record a credential', 'POST', () => `/api/volunteers/${own.otherVolunteer}/credentials`, { type: 'basic_training', issuedOn: '2024-05-01' }, ['admin', 'coordinator']],
  ];

  describe.each(routes)('%s', (_, method, url, body, allowed) => {
    it.each(['admin', 'coordinator', 'referrer', 'volunteer'])('as %s', async (role) => {
      const response = await call(role, method, url(), body);
      if (allowed.includes(role)) expect([200, 201]).toContain(response.status);
      else expect(response).toMatchObject({ status: 403, body: { statusCode: 403, error: 'forbidden' } });
    });
  });

  it('lets a referrer read their own referral source only', async () => {
    expect((await call('referrer', 'GET', `/api/referral-sources/${referrerSource}`)).status).toBe(200);
    expect((await call('referrer', 'GET', `/api/referral-sources/${own.source}`)).status).toBe(404);
    expect((await call('volunteer', 'GET', `/api/referral-sources/${own.source}`)).status).toBe(403);
  });

  it('lets a volunteer read and change their own profile and availability, and nobody else’s (404)', async () => {
    expect((await call('volunteer', 'GET', `/api/volunteers/${own.volunteer}`)).status).toBe(200);
    expect((await call('volunteer', 'PATCH', `/api/volunteers/${own.volunteer}`, { phone: '06 11112222' })).body.phone).toBe('06 11112222');
    const slots = [{ day: 'sat', part: 'morning' }];
    expect((await call('volunteer', 'PUT', `/api/volunteers/${own.volunteer}/availability`, { slots })).body.availability).toEqual(slots);
    expect((await call('volunteer', 'GET', `/api/volunteers/${own.otherVolunteer}`)).status).toBe(404);
    expect((await call('volunteer', 'PATCH', `/api/volunteers/${own.otherVolunteer}`, { phone: 'x' })).status).toBe(404);
    expect((await call('volunteer', 'PUT', `/api/volunteers/${own.otherVolunteer}/availability`, { slots })).status).toBe(404);
    expect((await call('referrer', 'GET', `/api/volunteers/${own.volunteer}`)).status).toBe(403);
  });

  it('refuses a volunteer who changes what only a coordinator may (403)', async () => {
    for (const body of [{ status: 'paused' }, { kinds: ['vigil'] }, { maxConcurrentClients: 5 }, { programmeIds: [] }]) {
      const response = await call('volunteer', 'PATCH', `/api/volunteers/${own.volunteer}`, body);
      expect(response.status).toBe(403);
      expect(response.body.message).toContain(Object.keys(body)[0]);
    }
  });

  it('lets only coordinators and admins remove a credential', async () => {
    expect((await call('volunteer', 'DELETE', `/api/volunteers/${own.otherVolunteer}/credentials/${own.credential}`)).status).toBe(403);
    expect((await call('referrer', 'DELETE', `/api/volunteers/${own.otherVolunteer}/credentials/${own.credential}`)).status).toBe(403);
    expect((await call('coordinator', 'DELETE', `/api/volunteers/${own.otherVolunteer}/credentials/${own.credential}`)).status).toBe(204);
    expect((await call('coordinator', 'DELETE', `/api/volunteers/${own.otherVolunteer}/credentials/${own.credential}`)).status).toBe(404);
  });

  it.each([
    ['a programme', 'GET', () => `/api/programmes/${foreign.programme}`],
    ['a programme', 'PATCH', () => `/api/programmes/${foreign.programme}`],
    ['a referral source', 'GET', () => `/api/referral-sources/${foreign.source}`],
    ['a referral source', 'PATCH', () => `/api/referral-sources/${foreign.source}`],
    ['a volunteer', 'GET', () => `/api/volunteers/${foreign.volunteer}`],
    ['a volunteer', 'PATCH', () => `/api/volunteers/${foreign.volunteer}`],
    ['a volunteer', 'PUT', () => `/api/volunteers/${foreign.volunteer}/availability`],
    ['a volunteer', 'POST', () => `/api/volunteers/${foreign.volunteer}/credentials`],
  ] as const)("answers 404 for %s of another organisation (%s)", async (_, method, url) => {
    const body = method === 'PUT' ? { slots: [] } : method === 'POST' ? { type: 'vog', issuedOn: '2025-01-01' } : method === 'PATCH' ? { name: 'x' } : undefined;
    const patchBody = url().includes('volunteers') && method === 'PATCH' ? { phone: 'x' } : body;
    expect((await call('coordinator', method, url(), patchBody)).status).toBe(404);
  });
});
