import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import { newRunId, withServer } from '../../support/test-database';
import { createBrowserDatabase, dropBrowserDatabase } from './database';
import { MailboxServer } from './mailbox';

const ROOT = resolve(__dirname, '../../..');
export const RESULTS = join(ROOT, 'test-results');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const REDIS_URL = 'redis://127.0.0.1:6379/14';

/** A free TCP port on this machine (the kernel picks; we let go and the API takes it a moment later). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function tail(file: string, lines = 40): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log written)';
}

async function waitUntilReady(api: ChildProcess, url: string, log: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.exitCode !== null || api.signalCode !== null) throw new Error(`The API stopped at start (${api.exitCode ?? api.signalCode}). Last lines of ${log}:\n${tail(log)}`);
    const ready = await fetch(`${url}/ready`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The API was not ready after ${timeoutMs / 1000} s. Last lines of ${log}:\n${tail(log)}`);
}

async function stopApi(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null || api.signalCode !== null) return;
  const exited = new Promise<void>((done) => api.once('exit', () => done()));
  api.kill('SIGTERM');
  const killer = setTimeout(() => api.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

/** Deletes the keys under `pattern` in the browser tests' Redis database whose prefix `drop` names. */
async function clearRedis(pattern: string, drop: (prefix: string) => boolean): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      const doomed = keys.filter((key) => drop(key.slice(0, key.indexOf(':'))));
      if (doomed.length > 0) await redis.del(...doomed);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Keys and logs of earlier runs whose database is gone (dropped as a leftover, or by their teardown). */
async function clearLeftovers(): Promise<void> {
  const live = await withServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'volunteer\\_match\\_browser\\_%'`);
    return new Set(rows.map((r) => r.datname.slice('volunteer_match_browser_'.length)));
  });
  await clearRedis('browser*', (prefix) => !live.has(prefix.slice('browser'.length)));
  for (const file of readdirSync(RESULTS)) {
    const run = /^api-(.+)\.log$/.exec(file)?.[1];
    if (run && !live.has(run)) rmSync(join(RESULTS, file), { force: true });
  }
}

/**
 * One API for the whole run, built as production runs it (`node dist/…/main.js`, worker in-process),
 * on a database of its own, sending mail to a local mailbox that test workers read over HTTP.
 * What workers need comes to them through the environment they inherit (BROWSER_*).
 * The returned function is the global teardown: it stops the API and leaves no database or keys behind.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm run build; npm run test:browser does)`);
  mkdirSync(RESULTS, { recursive: true });
  const runId = newRunId();
  const log = join(RESULTS, `api-${runId}.log`);
  const redisPrefix = `browser${runId}`;
  const admin = { email: `beheer.${runId.replace('_', '.')}@example.org`, password: `Browser-Harness-${randomBytes(6).toString('hex')}` };

  const cleanups: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => console.error(`browser teardown: ${error.message}`));
  };
  try {
    const mailbox = await new MailboxServer().start();
    cleanups.push(() => mailbox.stop());
    const db = await createBrowserDatabase(runId);
    cleanups.push(() => dropBrowserDatabase(db.name));
    cleanups.push(() => clearRedis(`${redisPrefix}:*`, () => true));
    await clearLeftovers();

    const port = await freePort();
    // localhost, not 127.0.0.1: Chromium treats http://localhost as secure, so the Secure refresh cookie works.
    const baseUrl = `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = {
      // Only what the API needs: a developer's shell (DATABASE_URL, SMS_*, VAPID_*) never leaks in.
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      HOST: 'localhost',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATABASE_URL: db.url,
      DATABASE_OWNER_URL: db.ownerUrl,
      REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      WORKER_IN_PROCESS: 'true',
      JWT_SECRET: randomBytes(32).toString('hex'),
      OUTBOX_POLL_MS: '100',
      // Every test logs in from the same address: the limits would stop the run, not an attacker.
      LOGIN_RATE_LIMIT: '10000',
      LOGIN_ACCOUNT_FREE_ATTEMPTS: '1000',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mailbox.smtpPort),
      SMTP_SECURE: 'false',
      GEOCODER_URL: 'http://127.0.0.1:9', // never the real PDOK: give coordinates
      // Push endpoints of the local push service tests start (tests/support/push-endpoint.ts) are plain http on 127.0.0.1.
      PUSH_ALLOWED_PRIVATE: '127.0.0.1',
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      BOOTSTRAP_ORGANISATION: 'Hospice De Browser',
      LOG_FILE: log,
      LOG_LEVEL: process.env.BROWSER_API_LOG_LEVEL ?? 'info',
    };
    // Boot failures before the logger exists go to stdout/stderr: into the same file.
    const out = openSync(log, 'a');
    const api = spawn(process.execPath, ['-r', join(__dirname, 'stop-with-runner.js'), MAIN], { cwd: ROOT, env, stdio: ['pipe', out, out] });
    closeSync(out);
    cleanups.push(() => stopApi(api));
    await waitUntilReady(api, `http://127.0.0.1:${port}`, log);

    Object.assign(process.env, {
      BROWSER_RUN_ID: runId,
      BROWSER_BASE_URL: baseUrl,
      BROWSER_API_URL: `http://127.0.0.1:${port}`,
      BROWSER_MAILBOX_URL: mailbox.url,
      BROWSER_ADMIN_EMAIL: admin.email,
      BROWSER_ADMIN_PASSWORD: admin.password,
      BROWSER_API_LOG: log,
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
