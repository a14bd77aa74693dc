import { GeocoderService, GeocoderUnavailableError } from '@app/core';
import { Role } from '@app/identity';
import { StubGeocoder } from '../support/stub-geocoder';
import { startTestApp, TestApp } from '../support/test-app';

describe('Geocoding Dutch addresses (against a local PDOK stub)', () => {
  let stub: StubGeocoder;
  let t: TestApp;
  let geocoder: GeocoderService;
  let coordinator: string;
  let referrer: string;
  let programmeId: string;

  beforeAll(async () => {
    stub = await StubGeocoder.start();
    t = await startTestApp({ env: { GEOCODER_URL: stub.url, GEOCODER_TIMEOUT_MS: '300' } });
    geocoder = t.app.get(GeocoderService);
    const { organisation } = await t.given.organisation();
    coordinator = await t.login((await t.given.user(organisation.id, Role.Coordinator)).email);
    referrer = await t.login((await t.given.user(organisation.id, Role.Referrer)).email);
    programmeId = (await t.given.programme(organisation.id, 'buddy')).id;
  });
  afterAll(async () => {
    await t.close();
    await stub.close();
    process.env.GEOCODER_URL = 'http://127.0.0.1:9';
    delete process.env.GEOCODER_TIMEOUT_MS;
  });
  afterEach(() => {
    stub.delayMs = 0;
    stub.failWithStatus = null;
  });

  it('resolves a postcode in any spelling and a house number with an addition', async () => {
    expect(await geocoder.resolve('3511 lx', '1bis')).toEqual({ lat: 52.0907, lon: 5.1214, city: 'Utrecht', street: 'Domplein', postcode: '3511LX' });
  });

  it('answers null for an address that does not exist', async () => {
    expect(await geocoder.resolve('9999ZZ', '1')).toBeNull();
  });

  it('serves a second lookup, found or not, from its cache', async () => {
    await geocoder.resolve('1012JS', '1');
    await geocoder.resolve('8888AA', '8');
    const calls = stub.calls;
    expect(await geocoder.resolve('1012 JS', '1')).toMatchObject({ city: 'Amsterdam' });
    expect(await geocoder.resolve('8888AA', '8')).toBeNull();
    expect(stub.calls).toBe(calls);
  });

  it('gives up on a geocoder that hangs, after its timeout, without caching the failure', async () => {
    stub.delayMs = 2000;
    const started = Date.now();
    await expect(geocoder.resolve('2511BT', '1')).rejects.toBeInstanceOf(GeocoderUnavailableError);
    expect(Date.now() - started).toBeLessThan(1500);
    stub.delayMs = 0;
    expect(await geocoder.resolve('2511BT', '1')).toMatchObject({ city: "'s-Gravenhage" });
  });

  it('treats an error status as unavailable', async () => {
    stub.failWithStatus = 500;
    await expect(geocoder.resolve('9711LM', '1')).rejects.toBeInstanceOf(GeocoderUnavailableError);
  });

  describe('through the API', () => {
    const volunteer = (location: object) => ({ firstName: 'Ahmed', lastName: 'El Amrani', birthDate: '1975-06-01', kinds: ['buddy'], ...location });

    it('stores the coordinates of a volunteer registered with only postcode and house number', async () => {
      const response = await t.request('POST', '/api/volunteers', { token: coordinator, body: volunteer({ postcode: '1012 JS', houseNumber: '1' }) });
      expect(response.status).toBe(201);
      expect(response.body.location).toEqual({ postcode: '1012JS', houseNumber: '1', city: 'Amsterdam', lat: 52.3731, lon: 4.8926 });
    });

    it('answers 422 for an address the geocoder does not know, and stores nothing', async () => {
      const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM volunteer`))[0].n;
      const before = await count();
      const response = await t.request('POST', '/api/volunteers', { token: coordinator, body: volunteer({ postcode: '9999 ZZ', houseNumber: '99' }) });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ statusCode: 422, error: 'address_not_found' });
      expect(response.body.message).toContain('9999ZZ');
      expect(await count()).toBe(before);
    });

    it('stores neither client nor request when the client address cannot be found', async () => {
      const counts = async () => (await t.dataSource.query(`SELECT (SELECT count(*) FROM client)::int AS c, (SELECT count(*) FROM request)::int AS r`))[0];
      const before = await counts();
      const response = await t.request('POST', '/api/requests', {
        token: referrer,
        body: {
          programmeId,
          desiredSlots: [{ day: 'mon', part: 'morning' }],
          referrerContact: { name: 'Huisarts' },
          client: { firstName: 'Kees', lastName: 'Smit', birthDate: '1940-01-01', diagnosisGroup: 'copd', consentGivenBy: 'client', postcode: '9999ZZ', houseNumber: '1' },
        },
      });
      expect(response).toMatchObject({ status: 422, body: { error: 'address_not_found' } });
      expect(await counts()).toEqual(before);
    });

    it('geocodes the client address of a request and uses it as the location', async () => {
      const response = await t.request('POST', '/api/requests', {
        token: referrer,
        body: {
          programmeId,
          desiredSlots: [{ day: 'mon', part: 'morning' }],
          referrerContact: { name: 'Huisarts' },
          client: { firstName: 'Kees', lastName: 'Smit', birthDate: '1940-01-01', diagnosisGroup: 'copd', consentGivenBy: 'client', postcode: '9711LM', houseNumber: '1' },
        },
      });
      expect(response.status).toBe(201);
      expect(response.body.location).toMatchObject({ postcode: '9711LM', lat: 53.2194, lon: 6.5665, city: 'Groningen' });
      expect(response.body.client.address).toMatchObject({ lat: 53.2194, lon: 6.5665 });
    });

    it('answers 503 with a clear message while the geocoder is down (never 500)', async () => {
      stub.failWithStatus = 502;
      const response = await t.request('POST', '/api/volunteers', { token: coordinator, body: volunteer({ postcode: '3511LX', houseNumber: '2' }) });
      expect(response).toMatchObject({ status: 503, body: { statusCode: 503, error: 'geocoder_unavailable' } });
    });
  });
});
