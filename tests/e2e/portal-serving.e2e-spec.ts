import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { join } from 'node:path';
import { HttpResult, startTestApp, TestApp } from '../support/test-app';

const INDEX = '<!doctype html><html lang="nl"><head><script type="module" src="/assets/x.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("portal");';

/** The directives of a Content-Security-Policy header, by name. */
const directives = (response: HttpResult): Record<string, string[]> =>
  Object.fromEntries(
    String(response.headers['content-security-policy'])
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );

describe('The portal, served from PORTAL_DIR at /', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portal-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'x.js'), SCRIPT);
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Vrijwilligers"}');
    writeFileSync(join(dir, 'icon-192.png'), 'not really a png');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    // A file beside the portal directory, which no path may reach.
    writeFileSync(join(dir, '..', `${dir.split('/').pop()}-secret.txt`), 'secret');
    t = await startTestApp({ env: { PORTAL_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-secret.txt`, { force: true });
  });

  const get = (url: string, headers?: Record<string, string>) => t.request('GET', url, { headers });
  const isIndex = (response: HttpResult) => {
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toBe(INDEX);
    expect(response.headers['cache-control']).toBe('no-cache');
  };

  it('answers / and deep links with index.html, never cached without asking', async () => {
    isIndex(await get('/'));
    isIndex(await get('/index.html'));
    isIndex(await get('/offers/3f0c8a4e-6d1b-4b7e-9a53-2f1c0d9e8b7a'));
    isIndex(await get('/requests/new?programme=buddy'));
    isIndex(await get('/assets')); // a directory is not a file
    const head = await t.app.inject({ method: 'HEAD', url: '/offers/3f0c8a4e-6d1b-4b7e-9a53-2f1c0d9e8b7a' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toMatch(/^text\/html/);
    expect(head.body).toBe('');
  });

  it('serves the hashed assets for a year, immutable; the service worker and manifest without caching', async () => {
    const asset = await get('/assets/x.js');
    expect(asset.status).toBe(200);
    expect(asset.body).toBe(SCRIPT);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const worker = await get('/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers['content-type']).toMatch(/javascript/);
    expect(worker.headers['cache-control']).toBe('no-cache');
    const manifest = await get('/manifest.webmanifest');
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect((await get('/icon-192.png')).headers['content-type']).toBe('image/png');
  });

  it('answers a missing asset with the app too (the browser router shows its own not-found page)', async () => {
    isIndex(await get('/assets/gone-abc123.js'));
  });

  it('keeps the API and the probes out of the portal: unknown /api routes answer the JSON 404', async () => {
    for (const url of ['/api/nope', '/api', '/api/', '/api/offers/x/y/z', '/health/x', '/ready/']) {
      const response = await get(url);
      expect([url, response.status]).toEqual([url, 404]);
      expect(response.body).toMatchObject({ statusCode: 404, error: 'not_found' });
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
    expect((await get('/health')).body).toMatchObject({ status: 'ok' });
    expect((await get('/api/docs-json')).status).toBe(200);
    // Writes to portal paths are no routes at all.
    expect((await t.request('POST', '/offers/1', { body: {} })).status).toBe(404);
  });

  it('refuses path traversal and hidden files, in any spelling, as a raw request sends them', async () => {
    // A raw request over a socket: inject() and HTTP clients would remove the dot segments first.
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const rawGet = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('error', reject);
        socket.on('end', () => resolve({ status: Number(answer.split(' ')[1]), body: answer.slice(answer.indexOf('\r\n\r\n') + 4) }));
      });
    const secret = `${dir.split('/').pop()}-secret.txt`;
    const attempts = [
      `/../${secret}`,
      `/assets/../../${secret}`,
      `/%2e%2e/${secret}`,
      `/%2E%2E%2F${secret}`,
      `/assets/..%2f..%2f${secret}`,
      `/..%5c${secret}`,
      `/assets/..\\..\\${secret}`,
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/.env',
    ];
    for (const url of attempts) {
      const response = await rawGet(url);
      expect([url, response.status]).toEqual([url, 404]);
      expect([url, response.body]).toEqual([url, expect.stringContaining('"error":"not_found"')]);
    }
    // Bytes no file name holds are refused before any route.
    for (const url of ['/assets/x.js%00.html', '/%']) expect([url, (await rawGet(url)).status]).toEqual([url, 400]);
    // The same server serves the real files.
    expect(await rawGet('/assets/x.js')).toMatchObject({ status: 200, body: SCRIPT });
  });

  it("sends a CSP that lets the app run from its own origin: scripts, service worker, manifest and API calls, and nothing inline", async () => {
    for (const response of [await get('/'), await get('/offers/1')]) {
      const csp = directives(response);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['worker-src']).toEqual(["'self'"]);
      expect(csp['manifest-src']).toEqual(["'self'"]);
      expect(csp['connect-src']).toEqual(["'self'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['frame-ancestors']).toEqual(["'self'"]);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
    // The API's own pages (Swagger UI) keep their inline bootstrap; the worker and manifest rules hold there too.
    const docs = directives(await get('/api/docs'));
    expect(docs['script-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(docs['worker-src']).toEqual(["'self'"]);
  });
});

describe('Without a built portal', () => {
  it('serves the API only: / is the JSON 404', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-portal-'));
    const t = await startTestApp({ env: { PORTAL_DIR: dir } });
    try {
      const response = await t.request('GET', '/');
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404, error: 'not_found' });
      expect((await t.request('GET', '/health')).status).toBe(200);
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
