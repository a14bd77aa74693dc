import { Role } from '@app/identity';
import { startTestApp, TestApp } from '../support/test-app';

describe('Volunteers', () => {
  let t: TestApp;
  let orgId: string;
  let admin: string;
  let coordinator: string;
  let referrer: string;
  let volunteer: string;
  let ownId: string;
  let otherId: string;
  let otherOrgVolunteerId: string;

  const UTRECHT = { lat: 52.0907, lon: 5.1214, city: 'Utrecht' };
  const AMERSFOORT = { lat: 52.1561, lon: 5.3878, city: 'Amersfoort' };
  const GRONINGEN = { lat: 53.2194, lon: 6.5665, city: 'Groningen' };

  const forbidden = { statusCode: 403, error: 'forbidden', message: expect.any(String) };
  const notFound = { statusCode: 404, error: 'not_found', message: expect.any(String) };
  const validationFailed = (field: string) => ({
    statusCode: 400,
    error: 'validation_failed',
    message: expect.any(String),
    details: expect.arrayContaining([expect.objectContaining({ field })]),
  });
  const newVolunteer = (overrides: Record<string, unknown> = {}) => ({
    firstName: 'Ahmed',
    lastName: 'El Amrani',
    birthDate: '1975-06-01',
    ...UTRECHT,
    ...overrides,
  });
  const row = async (id: string) => (await t.dataSource.query(`SELECT * FROM volunteer WHERE id = $1`, [id]))[0];
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await t.given.organisation();
    orgId = org.organisation.id;
    admin = await t.login(org.admin.email);
    coordinator = await t.login((await t.given.user(orgId, Role.Coordinator)).email);
    referrer = await t.login((await t.given.user(orgId, Role.Referrer)).email);
    const volunteerUser = await t.given.user(orgId, Role.Volunteer);
    ownId = volunteerUser.volunteerId as string;
    volunteer = await t.login(volunteerUser.email);
    otherId = (await t.given.volunteer(orgId, { firstName: 'Other', lastName: 'Volunteer' })).volunteer.id;
    const other = await t.given.organisation();
    otherOrgVolunteerId = (await t.given.volunteer(other.organisation.id, { firstName: 'Elders', lastName: 'Vrijwilliger' })).volunteer.id;
  });
  afterAll(() => t.close());

  describe('coordinators and admins', () => {
    it.each([
      ['a coordinator', () => coordinator],
      ['an admin', () => admin],
    ])('lets %s register a volunteer with coordinates, read, list and change them', async (_, token) => {
      const created = await t.request('POST', '/api/volunteers', {
        token: token(),
        body: newVolunteer({ email: ' Ahmed@Example.org ', kinds: ['buddy', 'vigil'], availability: [{ day: 'wed', part: 'evening' }] }),
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        firstName: 'Ahmed',
        lastName: 'El Amrani',
        email: 'ahmed@example.org',
        birthDate: '1975-06-01',
        gender: 'unspecified',
        languages: ['nl'],
        location: { postcode: null, houseNumber: null, city: 'Utrecht', lat: 52.0907, lon: 5.1214 },
        maxTravelKm: 10,
        kinds: ['buddy', 'vigil'],
        programmeIds: [],
        availability: [{ day: 'wed', part: 'evening' }],
        maxConcurrentClients: 1,
        status: 'applicant',
        credentials: [],
        unavailablePeriods: [],
      });
      expect(created.body).not.toHaveProperty('distanceKm');
      const id = created.body.id;

      expect(await t.request('GET', `/api/volunteers/${id}`, { token: token() })).toMatchObject({ status: 200, body: { id, firstName: 'Ahmed' } });
      const list = await t.request('GET', '/api/volunteers?pageSize=100', { token: token() });
      expect(list.status).toBe(200);
      expect(list.body.items.map((v: { id: string }) => v.id)).toEqual(expect.arrayContaining([id, ownId, otherId]));
      expect(list.body.items.map((v: { id: string }) => v.id)).not.toContain(otherOrgVolunteerId);

      const patched = await t.request('PATCH', `/api/volunteers/${id}`, { token: token(), body: { maxConcurrentClients: 2, kinds: ['navigator'], phone: '06 12345678' } });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ maxConcurrentClients: 2, kinds: ['navigator'], phone: '06 12345678', firstName: 'Ahmed' });

      const available = await t.request('PUT', `/api/volunteers/${id}/availability`, { token: token(), body: { slots: [{ day: 'fri', part: 'morning' }] } });
      expect(available).toMatchObject({ status: 200, body: { availability: [{ day: 'fri', part: 'morning' }] } });

      const credential = await t.request('POST', `/api/volunteers/${id}/credentials`, { token: token(), body: { type: 'vog', issuedOn: '2025-03-01', expiresOn: '2099-03-01' } });
      expect(credential.status).toBe(201);
      expect(credential.body).toEqual({ id: expect.any(String), type: 'vog', issuedOn: '2025-03-01', expiresOn: '2099-03-01', valid: true });

      const removed = await t.request('DELETE', `/api/volunteers/${id}/credentials/${credential.body.id}`, { token: token() });
      expect(removed.status).toBe(204);
      expect((await t.request('GET', `/api/volunteers/${id}`, { token: token() })).body.credentials).toEqual([]);
    });

    it('lets a coordinator link a volunteer to programmes of the organisation only (422 unknown_programme otherwise)', async () => {
      const programme = await t.given.programme(orgId, 'buddy');
      const ok = await t.request('POST', '/api/volunteers', { token: coordinator, body: newVolunteer({ programmeIds: [programme.id] }) });
      expect(ok).toMatchObject({ status: 201, body: { programmeIds: [programme.id] } });

      const other = await t.given.organisation();
      const foreign = await t.given.programme(other.organisation.id, 'buddy');
      const refused = await t.request('PATCH', `/api/volunteers/${ok.body.id}`, { token: coordinator, body: { programmeIds: [foreign.id] } });
      expect(refused).toMatchObject({ status: 422, body: { error: 'unknown_programme' } });
      expect((await row(ok.body.id)).programme_ids).toEqual([programme.id]);
    });

    it("answers 404 for another organisation's volunteer on every route, and changes nothing", async () => {
      const before = await row(otherOrgVolunteerId);
      for (const token of [coordinator, admin]) {
        expect(await t.request('GET', `/api/volunteers/${otherOrgVolunteerId}`, { token })).toMatchObject({ status: 404, body: notFound });
        expect(await t.request('PATCH', `/api/volunteers/${otherOrgVolunteerId}`, { token, body: { phone: '06 00000000' } })).toMatchObject({ status: 404, body: notFound });
        expect(
          await t.request('PUT', `/api/volunteers/${otherOrgVolunteerId}/availability`, { token, body: { slots: [{ day: 'mon', part: 'morning' }] } }),
        ).toMatchObject({ status: 404, body: notFound });
        expect(
          await t.request('POST', `/api/volunteers/${otherOrgVolunteerId}/credentials`, { token, body: { type: 'vog', issuedOn: '2025-01-01' } }),
        ).toMatchObject({ status: 404, body: notFound });
      }
      const after = await row(otherOrgVolunteerId);
      expect(after).toEqual(before);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM credential WHERE volunteer_id = $1`, [otherOrgVolunteerId]))[0].n).toBe(0);
    });

    it("answers 404 when deleting a credential of another organisation's volunteer, and keeps it", async () => {
      const [credential] = await t.dataSource.query(`INSERT INTO credential (volunteer_id, type, issued_on) VALUES ($1, 'vog', '2025-01-01') RETURNING id`, [
        otherOrgVolunteerId,
      ]);
      const response = await t.request('DELETE', `/api/volunteers/${otherOrgVolunteerId}/credentials/${credential.id}`, { token: coordinator });
      expect(response).toMatchObject({ status: 404, body: notFound });
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM credential WHERE id = $1`, [credential.id]))[0].n).toBe(1);
    });

    it('needs coordinates or a postcode with a house number: only a postcode is 422 location_required, and stores nothing', async () => {
      const before = await count('volunteer');
      const { lat, lon, city, ...withoutCoordinates } = newVolunteer();
      void lat;
      void lon;
      void city;
      const postcodeOnly = await t.request('POST', '/api/volunteers', { token: coordinator, body: { ...withoutCoordinates, postcode: '3511 LX' } });
      expect(postcodeOnly.status).toBe(422);
      expect(postcodeOnly.body).toEqual({ statusCode: 422, error: 'location_required', message: expect.any(String) });
      const houseNumberOnly = await t.request('POST', '/api/volunteers', { token: coordinator, body: { ...withoutCoordinates, houseNumber: '12' } });
      expect(houseNumberOnly).toMatchObject({ status: 422, body: { error: 'location_required' } });
      const latOnly = await t.request('POST', '/api/volunteers', { token: coordinator, body: { ...withoutCoordinates, lat: 52.09 } });
      expect(latOnly).toMatchObject({ status: 422, body: { error: 'location_required' } });
      expect(await count('volunteer')).toBe(before);
    });
  });

  describe('referrers', () => {
    it('refuses a referrer every volunteer route with 403', async () => {
      const [credential] = await t.dataSource.query(`INSERT INTO credential (volunteer_id, type, issued_on) VALUES ($1, 'first_aid', '2025-01-01') RETURNING id`, [otherId]);
      const calls: [method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown][] = [
        ['GET', '/api/volunteers'],
        ['POST', '/api/volunteers', newVolunteer()],
        ['GET', `/api/volunteers/${otherId}`],
        ['PATCH', `/api/volunteers/${otherId}`, { phone: '06 00000000' }],
        ['PUT', `/api/volunteers/${otherId}/availability`, { slots: [] }],
        ['POST', `/api/volunteers/${otherId}/credentials`, { type: 'vog', issuedOn: '2025-01-01' }],
        ['DELETE', `/api/volunteers/${otherId}/credentials/${credential.id}`],
      ];
      for (const [method, url, body] of calls) {
        const response = await t.request(method, url, { token: referrer, body });
        expect({ method, url, status: response.status, body: response.body }).toEqual({ method, url, status: 403, body: forbidden });
      }
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM credential WHERE id = $1`, [credential.id]))[0].n).toBe(1);
      expect((await row(otherId)).phone).toBeNull();
    });
  });

  describe('a volunteer and their own profile', () => {
    it('lets a volunteer read their own profile', async () => {
      const response = await t.request('GET', `/api/volunteers/${ownId}`, { token: volunteer });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: ownId, status: 'active', kinds: ['buddy'] });
    });

    it('lets a volunteer change their own contact, location, preferences and absences', async () => {
      const response = await t.request('PATCH', `/api/volunteers/${ownId}`, {
        token: volunteer,
        body: {
          phone: '06 98765432',
          email: 'marieke@example.org',
          languages: ['nl', 'de'],
          maxTravelKm: 20,
          interests: ['wandelen', 'muziek'],
          preferredClientAgeMin: 60,
          preferredClientAgeMax: 95,
          lat: 52.1,
          lon: 5.12,
          city: 'Utrecht',
          unavailablePeriods: [{ startsAt: '2026-12-20T00:00:00+01:00', endsAt: '2027-01-04T00:00:00+01:00', reason: 'Vakantie' }],
        },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        phone: '06 98765432',
        email: 'marieke@example.org',
        languages: ['nl', 'de'],
        maxTravelKm: 20,
        interests: ['wandelen', 'muziek'],
        preferredClientAgeMin: 60,
        preferredClientAgeMax: 95,
        location: { lat: 52.1, lon: 5.12, city: 'Utrecht' },
        unavailablePeriods: [{ startsAt: '2026-12-19T23:00:00.000Z', endsAt: '2027-01-03T23:00:00.000Z', reason: 'Vakantie' }],
        status: 'active',
      });
    });

    it('lets a volunteer replace their own weekly availability', async () => {
      const response = await t.request('PUT', `/api/volunteers/${ownId}/availability`, {
        token: volunteer,
        body: { slots: [{ day: 'sat', part: 'morning' }, { day: 'mon', part: 'evening' }] },
      });
      expect(response.status).toBe(200);
      expect(response.body.availability).toEqual([
        { day: 'mon', part: 'evening' },
        { day: 'sat', part: 'morning' },
      ]);
    });

    it("gives a volunteer a 404 for another volunteer's profile (GET, PATCH, PUT availability), and changes nothing", async () => {
      const before = await row(otherId);
      expect(await t.request('GET', `/api/volunteers/${otherId}`, { token: volunteer })).toMatchObject({ status: 404, body: notFound });
      expect(await t.request('PATCH', `/api/volunteers/${otherId}`, { token: volunteer, body: { phone: '06 00000000' } })).toMatchObject({ status: 404, body: notFound });
      expect(await t.request('PATCH', `/api/volunteers/${otherId}`, { token: volunteer, body: { status: 'paused' } })).toMatchObject({ status: 404, body: notFound });
      expect(
        await t.request('PUT', `/api/volunteers/${otherId}/availability`, { token: volunteer, body: { slots: [{ day: 'mon', part: 'morning' }] } }),
      ).toMatchObject({ status: 404, body: notFound });
      expect(await t.request('GET', `/api/volunteers/${otherOrgVolunteerId}`, { token: volunteer })).toMatchObject({ status: 404, body: notFound });
      expect(await row(otherId)).toEqual(before);
    });

    it('refuses a volunteer the list, registering volunteers and credentials (403)', async () => {
      expect(await t.request('GET', '/api/volunteers', { token: volunteer })).toMatchObject({ status: 403, body: forbidden });
      expect(await t.request('POST', '/api/volunteers', { token: volunteer, body: newVolunteer() })).toMatchObject({ status: 403, body: forbidden });
      const before = await count('credential');
      expect(
        await t.request('POST', `/api/volunteers/${ownId}/credentials`, { token: volunteer, body: { type: 'vog', issuedOn: '2025-01-01' } }),
      ).toMatchObject({ status: 403, body: forbidden });
      const [credential] = await t.dataSource.query(`INSERT INTO credential (volunteer_id, type, issued_on) VALUES ($1, 'vog', '2025-01-01') RETURNING id`, [ownId]);
      expect(await t.request('DELETE', `/api/volunteers/${ownId}/credentials/${credential.id}`, { token: volunteer })).toMatchObject({ status: 403, body: forbidden });
      expect(await count('credential')).toBe(before + 1);
    });

    it.each([
      ['status', { status: 'paused' }],
      ['kinds', { kinds: ['buddy', 'vigil'] }],
      ['programmeIds', { programmeIds: [] }],
      ['maxConcurrentClients', { maxConcurrentClients: 5 }],
      ['firstName', { firstName: 'Anders' }],
      ['birthDate', { birthDate: '1990-01-01' }],
      ['experienceDiagnoses', { experienceDiagnoses: ['copd'] }],
      ['status together with an allowed field', { phone: '06 55555555', status: 'inactive' }],
    ])('refuses a volunteer to change %s of their own profile (403), and changes nothing', async (_, body) => {
      const before = await row(ownId);
      const response = await t.request('PATCH', `/api/volunteers/${ownId}`, { token: volunteer, body });
      expect(response).toMatchObject({ status: 403, body: forbidden });
      expect(await row(ownId)).toEqual(before);
    });
  });

  describe('availability', () => {
    it('is stored as a 28-bit mask: Tuesday afternoon is bit 5, value 32', async () => {
      const response = await t.request('PUT', `/api/volunteers/${otherId}/availability`, { token: coordinator, body: { slots: [{ day: 'tue', part: 'afternoon' }] } });
      expect(response.status).toBe(200);
      expect(response.body.availability).toEqual([{ day: 'tue', part: 'afternoon' }]);
      expect((await row(otherId)).availability_mask).toBe(32);
    });

    it('round-trips as slots in week order, whatever order they were given in', async () => {
      const slots = [
        { day: 'sun', part: 'night' },
        { day: 'tue', part: 'afternoon' },
        { day: 'mon', part: 'morning' },
        { day: 'thu', part: 'evening' },
      ];
      const response = await t.request('PUT', `/api/volunteers/${otherId}/availability`, { token: coordinator, body: { slots } });
      const expected = [
        { day: 'mon', part: 'morning' },
        { day: 'tue', part: 'afternoon' },
        { day: 'thu', part: 'evening' },
        { day: 'sun', part: 'night' },
      ];
      expect(response.body.availability).toEqual(expected);
      expect((await t.request('GET', `/api/volunteers/${otherId}`, { token: coordinator })).body.availability).toEqual(expected);
      // bits 0 (mon morning), 5 (tue afternoon), 14 (thu evening), 27 (sun night)
      expect((await row(otherId)).availability_mask).toBe(2 ** 0 + 2 ** 5 + 2 ** 14 + 2 ** 27);
    });

    it('replaces the availability completely, down to nothing', async () => {
      const response = await t.request('PUT', `/api/volunteers/${otherId}/availability`, { token: coordinator, body: { slots: [] } });
      expect(response.body.availability).toEqual([]);
      expect((await row(otherId)).availability_mask).toBe(0);
    });

    it('can also be set with PATCH, and a PATCH without it keeps it', async () => {
      await t.request('PATCH', `/api/volunteers/${otherId}`, { token: coordinator, body: { availability: [{ day: 'wed', part: 'night' }] } });
      expect((await row(otherId)).availability_mask).toBe(2 ** 11);
      const patched = await t.request('PATCH', `/api/volunteers/${otherId}`, { token: coordinator, body: { interests: ['lezen'] } });
      expect(patched.body.availability).toEqual([{ day: 'wed', part: 'night' }]);
    });

    it.each([
      ['a day that does not exist', { slots: [{ day: 'someday', part: 'morning' }] }, 'slots.0.day'],
      ['a part that does not exist', { slots: [{ day: 'mon', part: 'noon' }] }, 'slots.0.part'],
      ['no slots at all', {}, 'slots'],
      ['slots that are not a list', { slots: 'mon' }, 'slots'],
    ])('answers 400 for %s', async (_, body, field) => {
      const response = await t.request('PUT', `/api/volunteers/${otherId}/availability`, { token: coordinator, body });
      expect(response).toMatchObject({ status: 400, body: validationFailed(field) });
    });
  });

  describe('status changes', () => {
    it('moves applicant → active → paused → active, and refuses applicant → paused with 409 illegal_status_change', async () => {
      const { id, status, statusChangedAt } = (await t.request('POST', '/api/volunteers', { token: coordinator, body: newVolunteer() })).body;
      expect(status).toBe('applicant');

      const illegal = await t.request('PATCH', `/api/volunteers/${id}`, { token: coordinator, body: { status: 'paused' } });
      expect(illegal.status).toBe(409);
      expect(illegal.body).toEqual({
        statusCode: 409,
        error: 'illegal_status_change',
        message: expect.any(String),
        details: { from: 'applicant', to: 'paused', allowed: expect.arrayContaining(['active']) },
      });
      expect((await row(id)).status).toBe('applicant');

      const active = await t.request('PATCH', `/api/volunteers/${id}`, { token: coordinator, body: { status: 'active' } });
      expect(active).toMatchObject({ status: 200, body: { status: 'active' } });
      expect(new Date(active.body.statusChangedAt).getTime()).toBeGreaterThan(new Date(statusChangedAt).getTime());

      expect(await t.request('PATCH', `/api/volunteers/${id}`, { token: coordinator, body: { status: 'paused' } })).toMatchObject({ status: 200, body: { status: 'paused' } });
      expect(await t.request('PATCH', `/api/volunteers/${id}`, { token: coordinator, body: { status: 'active' } })).toMatchObject({ status: 200, body: { status: 'active' } });
      expect((await row(id)).status).toBe('active');
    });

    it('refuses an illegal status change together with other fields, and changes none of them', async () => {
      const { id } = (await t.request('POST', '/api/volunteers', { token: coordinator, body: newVolunteer() })).body;
      const response = await t.request('PATCH', `/api/volunteers/${id}`, { token: coordinator, body: { status: 'paused', phone: '06 44444444' } });
      expect(response).toMatchObject({ status: 409, body: { error: 'illegal_status_change' } });
      expect(await row(id)).toMatchObject({ status: 'applicant', phone: null });
    });
  });

  describe('unavailable periods', () => {
    const period = (startsAt: string, endsAt: string, reason?: string) => ({ startsAt, endsAt, ...(reason ? { reason } : {}) });

    it('replaces the whole list on PATCH, and keeps it when a PATCH leaves it out', async () => {
      const { id } = (await t.request('POST', '/api/volunteers', { token: coordinator, body: newVolunteer() })).body;
      const two = await t.request('PATCH', `/api/volunteers/${id}`, {
        token: coordinator,
        body: { unavailablePeriods: [period('2027-03-01T00:00:00Z', '2027-03-08T00:00:00Z', 'Operatie'), period('2027-01-10T00:00:00Z', '2027-01-12T00:00:00Z')] },
      });
      expect(two.status).toBe(200);
      expect(two.body.unavailablePeriods).toEqual([
        { startsAt: '2027-01-10T00:00:00.000Z', endsAt: '2027-01-12T00:00:00.000Z', reason: null },
        { startsAt: '2027-03-01T00:00:00.000Z', endsAt: '2027-03-08T00:00:00.000Z', reason: 'Operatie' },
      ]);

      const kept = await t.request('PATCH', `/api/volunteers/${id}`, { token: coordinator, body: { phone: '06 1' } });
      expect(kept.body.unavailablePeriods).toHaveLength(2);

      const one = await t.request('PATCH', `/api/volunteers/${id}`, { token: coordinator, body: { unavailablePeriods: [period('2027-06-01T00:00:00Z', '2027-06-15T00:00:00Z', 'Vakantie')] } });
      expect(one.body.unavailablePeriods).toEqual([{ startsAt: '2027-06-01T00:00:00.000Z', endsAt: '2027-06-15T00:00:00.000Z', reason: 'Vakantie' }]);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM unavailable_period WHERE volunteer_id = $1`, [id]))[0].n).toBe(1);

      const none = await t.request('PATCH', `/api/volunteers/${id}`, { token: coordinator, body: { unavailablePeriods: [] } });
      expect(none.body.unavailablePeriods).toEqual([]);
    });

    it('refuses a period that ends before (or when) it starts with 422 invalid_period, and keeps the old list', async () => {
      const { id } = (
        await t.request('POST', '/api/volunteers', { token: coordinator, body: newVolunteer({ unavailablePeriods: [period('2027-02-01T00:00:00Z', '2027-02-02T00:00:00Z')] }) })
      ).body;
      for (const bad of [period('2027-05-10T00:00:00Z', '2027-05-01T00:00:00Z'), period('2027-05-10T00:00:00Z', '2027-05-10T00:00:00Z')]) {
        const response = await t.request('PATCH', `/api/volunteers/${id}`, { token: coordinator, body: { unavailablePeriods: [bad] } });
        expect(response.status).toBe(422);
        expect(response.body).toEqual({ statusCode: 422, error: 'invalid_period', message: expect.any(String) });
      }
      const after = await t.request('GET', `/api/volunteers/${id}`, { token: coordinator });
      expect(after.body.unavailablePeriods).toEqual([{ startsAt: '2027-02-01T00:00:00.000Z', endsAt: '2027-02-02T00:00:00.000Z', reason: null }]);

      const before = await count('volunteer');
      const created = await t.request('POST', '/api/volunteers', {
        token: coordinator,
        body: newVolunteer({ unavailablePeriods: [period('2027-05-10T00:00:00Z', '2027-05-01T00:00:00Z')] }),
      });
      expect(created).toMatchObject({ status: 422, body: { error: 'invalid_period' } });
      expect(await count('volunteer')).toBe(before);
    });

    it('answers 400 for a period with a date that is not a date', async () => {
      const response = await t.request('PATCH', `/api/volunteers/${otherId}`, { token: coordinator, body: { unavailablePeriods: [{ startsAt: 'soon', endsAt: '2027-01-01T00:00:00Z' }] } });
      expect(response).toMatchObject({ status: 400, body: validationFailed('unavailablePeriods.0.startsAt') });
    });
  });

  describe('credentials', () => {
    let id: string;

    beforeAll(async () => {
      id = (await t.given.volunteer(orgId, { firstName: 'Credential', lastName: 'Holder' })).volunteer.id;
    });

    it('records credentials, valid only between issue and expiry', async () => {
      const add = (body: object) => t.request('POST', `/api/volunteers/${id}/credentials`, { token: coordinator, body });
      const expired = await add({ type: 'vog', issuedOn: '2020-01-15', expiresOn: '2023-01-15' });
      expect(expired.status).toBe(201);
      expect(expired.body).toMatchObject({ type: 'vog', issuedOn: '2020-01-15', expiresOn: '2023-01-15', valid: false });

      const current = await add({ type: 'vog', issuedOn: '2025-01-15', expiresOn: '2099-01-15' });
      expect(current.body).toMatchObject({ valid: true });

      const forever = await add({ type: 'basic_training', issuedOn: '2024-09-01' });
      expect(forever.body).toMatchObject({ type: 'basic_training', expiresOn: null, valid: true });

      const future = await add({ type: 'first_aid', issuedOn: '2099-01-01' });
      expect(future.body).toMatchObject({ valid: false });

      const profile = await t.request('GET', `/api/volunteers/${id}`, { token: coordinator });
      expect(profile.body.credentials.map((c: { type: string; valid: boolean }) => [c.type, c.valid])).toEqual(
        expect.arrayContaining([
          ['vog', false],
          ['vog', true],
          ['basic_training', true],
          ['first_aid', false],
        ]),
      );
      expect(profile.body.credentials).toHaveLength(4);
    });

    it('refuses an expiry before the issue date with 422, and stores nothing', async () => {
      const before = await count('credential');
      const response = await t.request('POST', `/api/volunteers/${id}/credentials`, { token: coordinator, body: { type: 'vog', issuedOn: '2025-06-01', expiresOn: '2025-05-31' } });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ statusCode: 422, error: expect.any(String), message: expect.any(String) });
      expect(await count('credential')).toBe(before);
    });

    it("answers 404 when a credential is deleted under another volunteer's id, and keeps it; deleting twice is 404", async () => {
      const credential = (await t.request('POST', `/api/volunteers/${id}/credentials`, { token: coordinator, body: { type: 'peer_training', issuedOn: '2025-02-02' } })).body;
      const wrongOwner = await t.request('DELETE', `/api/volunteers/${otherId}/credentials/${credential.id}`, { token: coordinator });
      expect(wrongOwner).toMatchObject({ status: 404, body: notFound });
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM credential WHERE id = $1`, [credential.id]))[0].n).toBe(1);

      expect((await t.request('DELETE', `/api/volunteers/${id}/credentials/${credential.id}`, { token: coordinator })).status).toBe(204);
      expect(await t.request('DELETE', `/api/volunteers/${id}/credentials/${credential.id}`, { token: coordinator })).toMatchObject({ status: 404, body: notFound });
    });

    it.each([
      ['an unknown type', { type: 'driving_licence', issuedOn: '2025-01-01' }, 'type'],
      ['a date that does not exist', { type: 'vog', issuedOn: '2025-02-30' }, 'issuedOn'],
      ['a date in another format', { type: 'vog', issuedOn: '01-02-2025' }, 'issuedOn'],
      ['a missing issue date', { type: 'vog' }, 'issuedOn'],
      ['an expiry that is not a date', { type: 'vog', issuedOn: '2025-01-01', expiresOn: 'never' }, 'expiresOn'],
    ])('answers 400 for a credential with %s', async (_, body, field) => {
      const response = await t.request('POST', `/api/volunteers/${id}/credentials`, { token: coordinator, body });
      expect(response).toMatchObject({ status: 400, body: validationFailed(field) });
    });

    it('answers 400 for a credential id that is not a uuid', async () => {
      expect((await t.request('DELETE', `/api/volunteers/${id}/credentials/42`, { token: coordinator })).status).toBe(400);
    });
  });

  describe('listing and searching', () => {
    let token: string;
    let programmeId: string;
    let utrecht: string;
    let amersfoort: string;
    let groningen: string;
    const names = (body: { items: { lastName: string }[] }) => body.items.map((v) => v.lastName);

    beforeAll(async () => {
      const org = await t.given.organisation();
      const id = org.organisation.id;
      token = await t.login(org.admin.email);
      programmeId = (await t.given.programme(id, 'buddy')).id;
      utrecht = (await t.given.volunteer(id, { firstName: 'Anna', lastName: 'Utrecht', ...UTRECHT, kinds: ['buddy'], status: 'active', programmeIds: [programmeId] })).volunteer.id;
      amersfoort = (await t.given.volunteer(id, { firstName: 'Bram', lastName: 'Amersfoort', ...AMERSFOORT, kinds: ['vigil'], status: 'paused' })).volunteer.id;
      groningen = (
        await t.given.volunteer(id, { firstName: 'Cees', lastName: 'Groningen', ...GRONINGEN, kinds: ['buddy', 'vigil'], status: 'applicant', programmeIds: [programmeId] })
      ).volunteer.id;
      const credential = (volunteerId: string, body: object) => t.request('POST', `/api/volunteers/${volunteerId}/credentials`, { token, body });
      expect((await credential(utrecht, { type: 'vog', issuedOn: '2024-02-01', expiresOn: '2027-02-01' })).status).toBe(201);
      expect((await credential(amersfoort, { type: 'vog', issuedOn: '2026-01-01', expiresOn: '2030-01-01' })).status).toBe(201);
      expect((await credential(groningen, { type: 'basic_training', issuedOn: '2025-01-01' })).status).toBe(201);
    });

    it('lists by last name, with the total', async () => {
      const all = await t.request('GET', '/api/volunteers', { token });
      expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 25 });
      expect(names(all.body)).toEqual(['Amersfoort', 'Groningen', 'Utrecht']);
      expect(all.body.items[0]).not.toHaveProperty('distanceKm');
    });

    it('filters by kind, status and programme', async () => {
      expect(names((await t.request('GET', '/api/volunteers?kind=buddy', { token })).body)).toEqual(['Groningen', 'Utrecht']);
      expect(names((await t.request('GET', '/api/volunteers?kind=vigil', { token })).body)).toEqual(['Amersfoort', 'Groningen']);
      expect(names((await t.request('GET', '/api/volunteers?kind=peer', { token })).body)).toEqual([]);
      expect(names((await t.request('GET', '/api/volunteers?status=paused', { token })).body)).toEqual(['Amersfoort']);
      expect(names((await t.request('GET', '/api/volunteers?status=active&kind=buddy', { token })).body)).toEqual(['Utrecht']);
      const byProgramme = await t.request('GET', `/api/volunteers?programmeId=${programmeId}`, { token });
      expect(byProgramme.body.total).toBe(2);
      expect(names(byProgramme.body)).toEqual(['Groningen', 'Utrecht']);
    });

    it('finds volunteers with a credential expiring before a date, not those whose credential expires later or never', async () => {
      const soon = await t.request('GET', '/api/volunteers?credentialExpiringBefore=2027-06-01', { token });
      expect(soon.status).toBe(200);
      expect(names(soon.body)).toEqual(['Utrecht']);
      expect(names((await t.request('GET', '/api/volunteers?credentialExpiringBefore=2031-01-01', { token })).body)).toEqual(['Amersfoort', 'Utrecht']);
      expect(names((await t.request('GET', '/api/volunteers?credentialExpiringBefore=2027-02-01', { token })).body)).toEqual([]);
    });

    it('finds volunteers near a point, nearest first, with their distance, within the radius only', async () => {
      const near = await t.request('GET', '/api/volunteers?lat=52.0907&lon=5.1214&km=25', { token });
      expect(near.status).toBe(200);
      expect(near.body.total).toBe(2);
      expect(near.body.items.map((v: { id: string }) => v.id)).toEqual([utrecht, amersfoort]);
      const [first, second] = near.body.items;
      expect(first.distanceKm).toBeCloseTo(0, 1);
      expect(Math.abs(second.distanceKm - 20)).toBeLessThanOrEqual(2);

      const wide = await t.request('GET', '/api/volunteers?lat=52.0907&lon=5.1214&km=300', { token });
      expect(wide.body.items.map((v: { id: string }) => v.id)).toEqual([utrecht, amersfoort, groningen]);
      expect(wide.body.items[2].distanceKm).toBeGreaterThan(150);

      const combined = await t.request('GET', '/api/volunteers?lat=52.0907&lon=5.1214&km=300&kind=vigil', { token });
      expect(combined.body.items.map((v: { id: string }) => v.id)).toEqual([amersfoort, groningen]);

      const paged = await t.request('GET', '/api/volunteers?lat=52.0907&lon=5.1214&km=25&page=2&pageSize=1', { token });
      expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(paged.body.items.map((v: { id: string }) => v.id)).toEqual([amersfoort]);
    });

    it('searches the name, in any case, across first and last name', async () => {
      expect(names((await t.request('GET', '/api/volunteers?q=bram', { token })).body)).toEqual(['Amersfoort']);
      expect(names((await t.request('GET', '/api/volunteers?q=ANNA', { token })).body)).toEqual(['Utrecht']);
      expect(names((await t.request('GET', `/api/volunteers?q=${encodeURIComponent('cees gron')}`, { token })).body)).toEqual(['Groningen']);
      expect(names((await t.request('GET', '/api/volunteers?q=%25', { token })).body)).toEqual([]);
    });

    it('paginates with page and pageSize', async () => {
      const first = await t.request('GET', '/api/volunteers?page=1&pageSize=2', { token });
      const second = await t.request('GET', '/api/volunteers?page=2&pageSize=2', { token });
      expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(names(first.body)).toEqual(['Amersfoort', 'Groningen']);
      expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(names(second.body)).toEqual(['Utrecht']);
    });

    it.each([
      ['a pageSize above 100', 'pageSize=101'],
      ['only lat', 'lat=52.0907'],
      ['lat and lon without km', 'lat=52.0907&lon=5.1214'],
      ['km without a point', 'km=10'],
      ['a latitude of 200', 'lat=200&lon=5.1&km=10'],
      ['a distance of 0', 'lat=52&lon=5&km=0'],
      ['a latitude that is not a number', 'lat=north&lon=5&km=10'],
      ['an unknown kind', 'kind=cooking'],
      ['an unknown status', 'status=retired'],
      ['a programmeId that is not a uuid', 'programmeId=42'],
      ['a date that does not exist', 'credentialExpiringBefore=2027-13-01'],
    ])('answers 400 for %s', async (_, query) => {
      const response = await t.request('GET', `/api/volunteers?${query}`, { token });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'validation_failed', message: expect.any(String) });
    });
  });

  describe('malformed input', () => {
    it.each([
      ['a birth date that does not exist', { birthDate: '1958-13-01' }, 'birthDate'],
      ['a birth date with a time', { birthDate: '1958-04-12T10:00:00Z' }, 'birthDate'],
      ['an unknown kind', { kinds: ['cooking'] }, 'kinds'],
      ['a language that is not an ISO code', { languages: ['dutch'] }, 'languages'],
      ['an availability slot on a day that does not exist', { availability: [{ day: 'someday', part: 'morning' }] }, 'availability.0.day'],
      ['a latitude of 200', { lat: 200 }, 'lat'],
      ['a longitude that is text', { lon: '5.12' }, 'lon'],
      ['an unknown gender', { gender: 'x' }, 'gender'],
      ['an email that is not an email', { email: 'ahmed@' }, 'email'],
      ['a postcode that is not Dutch', { postcode: 'SW1A 1AA', lat: undefined, lon: undefined }, 'postcode'],
      ['zero concurrent clients', { maxConcurrentClients: 0 }, 'maxConcurrentClients'],
      ['a programme id that is not a uuid', { programmeIds: ['buddy'] }, 'programmeIds'],
      ['an unknown status', { status: 'retired' }, 'status'],
      ['a missing first name', { firstName: undefined }, 'firstName'],
      ['an unknown field', { shoeSize: 43 }, 'shoeSize'],
    ])('answers 400 with the error shape for %s, and stores nothing', async (_, overrides, field) => {
      const before = await count('volunteer');
      const response = await t.request('POST', '/api/volunteers', { token: coordinator, body: newVolunteer(overrides) });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject(validationFailed(field));
      expect(await count('volunteer')).toBe(before);
    });

    it.each([
      ['a null first name', { firstName: null }],
      ['a null birth date', { birthDate: null }],
      ['null kinds', { kinds: null }],
      ['a null maxTravelKm', { maxTravelKm: null }],
      ['a null status', { status: null }],
    ])('answers a PATCH with %s with a 4xx, never a 500, and changes nothing', async (_, body) => {
      const before = await row(otherId);
      const response = await t.request('PATCH', `/api/volunteers/${otherId}`, { token: coordinator, body });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body).toMatchObject({ statusCode: response.status, error: expect.any(String), message: expect.any(String) });
      expect(await row(otherId)).toEqual(before);
    });
  });

  describe('preferred client age', () => {
    it('accepts clearing the minimum preferred client age while lowering the maximum below the old minimum', async () => {
      const { id } = (await t.request('POST', '/api/volunteers', { token: coordinator, body: newVolunteer({ preferredClientAgeMin: 60, preferredClientAgeMax: 95 }) })).body;
      const response = await t.request('PATCH', `/api/volunteers/${id}`, { token: coordinator, body: { preferredClientAgeMin: null, preferredClientAgeMax: 50 } });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ preferredClientAgeMin: null, preferredClientAgeMax: 50 });
    });

    it('refuses a minimum preferred age above the maximum with 422 invalid_age_range', async () => {
      const response = await t.request('POST', '/api/volunteers', { token: coordinator, body: newVolunteer({ preferredClientAgeMin: 80, preferredClientAgeMax: 70 }) });
      expect(response).toMatchObject({ status: 422, body: { error: 'invalid_age_range' } });
    });
  });
});
