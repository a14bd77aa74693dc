import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Role } from '@app/identity';
import { eventually } from '../support/local-receivers';
import { PASSWORD, startTestApp, TestApp } from '../support/test-app';

/** What the request log holds, read from the file the service writes it to (LOG_FILE). */
describe('The request log', () => {
  const logFile = join(tmpdir(), `volunteer-match-log-${randomBytes(6).toString('hex')}.log`);
  let t: TestApp;
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };

  beforeAll(async () => (t = await startTestApp({ env: { LOG_LEVEL: 'info', LOG_FILE: logFile } })));
  afterAll(async () => {
    await t.close();
    rmSync(logFile, { force: true });
  });

  it('never holds the secret of a calendar feed address, a password or a token', async () => {
    const org = (await t.given.organisation()).organisation.id;
    const volunteer = await t.given.volunteerWithLogin(org);
    const token = await t.login(volunteer.email);
    const feed = await t.request('POST', '/api/me/calendar-feed', { token });
    expect(feed.status).toBe(201);
    const path = new URL(feed.body.url).pathname;
    const secret = path.split('/').pop()?.replace('.ics', '') as string;
    expect((await t.request('GET', path)).status).toBe(200);
    expect((await t.request('GET', `${path}?x=1`)).status).toBe(200);
    const coordinator = await t.given.user(org, Role.Coordinator);
    await t.request('POST', '/api/auth/login', { body: { email: coordinator.email, password: PASSWORD } });

    const text = await eventually(async () => {
      const now = log();
      return now.includes('/api/calendar/[redacted]') && now.includes('/api/auth/login') ? now : undefined;
    }, 10_000, 'the request lines in the log') as string;
    expect(text.match(/\/api\/calendar\/\[redacted\]/g)?.length).toBe(2);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(token);
  });
});
