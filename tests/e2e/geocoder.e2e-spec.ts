import { Test, TestingModule } from '@nestjs/testing';
import { AppConfigModule, GeocoderService, GeocoderUnavailableError, GeoModule } from '@app/core';
import { startStubGeocoder, STUB_ADDRESSES, StubGeocoder } from '../support/stub-geocoder';

// GeocoderService on its own (config + geo module only, no database): the PDOK contract against a local stub.
describe('GeocoderService (against a local PDOK stub)', () => {
  // Generous enough for a first lookup on a loaded machine (300 ms timed out there once), far below the slow stub's 3 s.
  const TIMEOUT_MS = 1000;
  let stub: StubGeocoder;
  let moduleRef: TestingModule;
  let geocoder: GeocoderService;
  const previous = { url: process.env.GEOCODER_URL, timeout: process.env.GEOCODER_TIMEOUT_MS };

  beforeAll(async () => {
    stub = await startStubGeocoder(STUB_ADDRESSES);
    // Read when the module is compiled, so set before.
    process.env.GEOCODER_URL = stub.url;
    process.env.GEOCODER_TIMEOUT_MS = String(TIMEOUT_MS);
    moduleRef = await Test.createTestingModule({ imports: [AppConfigModule, GeoModule] }).compile();
    geocoder = moduleRef.get(GeocoderService);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await stub?.close();
    // Back to what tests/setup/env.ts set (a closed local port), never the real PDOK default.
    restore('GEOCODER_URL', previous.url);
    restore('GEOCODER_TIMEOUT_MS', previous.timeout);
  });

  afterEach(() => {
    stub.setDelay(0);
    stub.setFailure(null);
  });

  it('resolves a known address to its coordinates and city, whatever the spelling of the postcode and with a house number addition', async () => {
    expect(await geocoder.resolve('1012 js', '1A')).toEqual({ lat: 52.3731, lon: 4.8926, city: 'Amsterdam', street: 'Dam', postcode: '1012JS' });
  });

  it('answers null for an address the geocoder does not know', async () => {
    expect(await geocoder.resolve('9999ZZ', '99')).toBeNull();
  });

  it('serves a second lookup of the same address from its cache', async () => {
    expect(await geocoder.resolve('3511LX', '1')).toMatchObject({ city: 'Utrecht' });
    const calls = stub.calls;
    expect(await geocoder.resolve('3511 lx', '1-2')).toMatchObject({ city: 'Utrecht', lat: 52.0907, lon: 5.1214 });
    expect(stub.calls).toBe(calls);
  });

  it('also caches "not found", so an unknown address is asked only once', async () => {
    expect(await geocoder.resolve('8888AA', '8')).toBeNull();
    const calls = stub.calls;
    expect(await geocoder.resolve('8888 aa', '8')).toBeNull();
    expect(stub.calls).toBe(calls);
  });

  it('rejects with GeocoderUnavailableError at GEOCODER_TIMEOUT_MS, well before a slow geocoder answers', async () => {
    stub.setDelay(3000);
    const started = Date.now();
    await expect(geocoder.resolve('2511BT', '1')).rejects.toBeInstanceOf(GeocoderUnavailableError);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(2000);
  });

  it('rejects with GeocoderUnavailableError (503 geocoder_unavailable) on an error status, and does not cache the failure', async () => {
    stub.setFailure(500);
    const failure = await geocoder.resolve('9711LM', '1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GeocoderUnavailableError);
    expect(failure).toMatchObject({ code: 'geocoder_unavailable' });
    expect((failure as GeocoderUnavailableError).getStatus()).toBe(503);

    stub.setFailure(null);
    const calls = stub.calls;
    expect(await geocoder.resolve('9711LM', '1')).toMatchObject({ city: 'Groningen', lat: 53.2194, lon: 6.5665 });
    expect(stub.calls).toBe(calls + 1);
  });

  it('does not ask the geocoder about something that is not a Dutch postcode', async () => {
    const calls = stub.calls;
    expect(await geocoder.resolve('1012JS or *:*', '1')).toBeNull();
    expect(await geocoder.resolve('1012JS', 'A')).toBeNull();
    expect(stub.calls).toBe(calls);
  });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
