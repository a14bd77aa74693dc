import { randomBytes } from 'node:crypto';
import { DIAGNOSIS_GROUPS } from '@app/core';
import { FeedbackProgressHandler, FeedbackService, FollowUpRepository, MatchStartedHandler, RequestUnmatchedCheckHandler } from '@app/feedback';
import { MatchesService } from '@app/matches';
import { Role } from '@app/identity';
import { RequestsService } from '@app/referrals';
import { clearRedis, startTestApp, TestApp } from '../support/test-app';
import { eventually, SmtpReceiver, WebhookReceiver } from '../support/local-receivers';

const SECRET = 'webhook-secret-of-the-home-care-team-0123';
const HOUR = 3_600_000;

describe('The closed loop: follow-ups and feedback to the referrer', () => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let webhook: WebhookReceiver;
  let org: string;
  let coordinator: string;
  let coordinatorEmail: string;
  let referrer: string;
  let sourceId: string;
  let programmeId: string;

  const post = (url: string, token: string, body: unknown = {}) => t.request('POST', url, { token, body });
  const feedbackOf = (requestId: string, token = coordinator) => t.request('GET', `/api/requests/${requestId}/feedback`, { token });
  const hooksFor = (requestId: string) => webhook.received.filter((w) => w.body.requestId === requestId);

  beforeAll(async () => {
    smtp = await new SmtpReceiver().start();
    webhook = await new WebhookReceiver(SECRET).start();
    t = await startTestApp({
      withWorker: true,
      env: {
        OUTBOX_POLL_MS: '50',
        WEBHOOK_ALLOWED_PRIVATE: '127.0.0.1',
        WEBHOOK_TIMEOUT_MS: '500',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_SECURE: 'false',
        FOLLOWUP_RECONCILE_MS: '200',
        SECRETS_KEY: randomBytes(32).toString('base64'),
      },
    });
    org = (await t.given.organisation()).organisation.id;
    const coordinatorUser = await t.given.user(org, Role.Coordinator);
    coordinatorEmail = coordinatorUser.email;
    coordinator = await t.login(coordinatorEmail);
    sourceId = (await t.given.referralSource(org, { feedbackChannel: 'webhook', webhookUrl: webhook.url, webhookSecret: SECRET })).id;
    referrer = await t.login((await t.given.user(org, Role.Referrer, { referralSourceId: sourceId })).email);
    programmeId = (await t.given.programme(org, 'buddy')).id;
  });
  afterAll(async () => {
    await t.close();
    await webhook.stop();
    await smtp.stop();
  });

  it('tells the referrer received, matched, first visit and ended once each, signed; notifies the GP; plans follow-ups and cancels them at the end', async () => {
    const submitted = await post('/api/requests', referrer, {
      programmeId,
      desiredSlots: [{ day: 'tue', part: 'afternoon' }],
      startDate: '2027-01-04',
      referrerContact: { name: 'Sanne Visser', email: 'sanne@example.org' },
      client: {
        firstName: 'Wilhelmina',
        lastName: 'Jansen',
        birthDate: '1941-09-30',
        diagnosisGroup: 'copd',
        diagnosisDetails: 'Zuurstofafhankelijk',
        consentGivenBy: 'client',
        lat: 52.0937,
        lon: 5.1177,
        city: 'Utrecht',
        gp: { name: 'Dr. Bakker', email: 'huisarts.bakker@example.org' },
      },
    });
    expect(submitted.status).toBe(201);
    const requestId = submitted.body.id;
    await post(`/api/requests/${requestId}/triage`, coordinator, { decision: 'accept' });
    const volunteer = await t.given.volunteerWithLogin(org, { firstName: 'Marieke' });
    const volunteerToken = await t.login(volunteer.email);
    const proposal = await post(`/api/requests/${requestId}/matches`, coordinator, { volunteerId: volunteer.volunteerId });
    const matchId = proposal.body.id;
    expect((await post(`/api/matches/${matchId}/accept`, volunteerToken)).status).toBe(200);

    const planned = await eventually(async () => {
      const rows = await t.dataSource.query(`SELECT kind, status FROM follow_up WHERE match_id = $1`, [matchId]);
      return rows.length > 0 && rows;
    }, 10_000, 'the follow-up plan');
    expect(planned.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(['first_contact', 'evaluation', 'duration_review']));
    expect(planned.every((r: { status: string }) => r.status === 'open')).toBe(true);

    const start = new Date(Date.now() - 60_000); // begun a minute ago (within the clock skew planning allows), so it can be completed
    const visit = await post(`/api/matches/${matchId}/visits`, volunteerToken, { startsAt: start, endsAt: new Date(start.getTime() + HOUR) });
    expect((await post(`/api/visits/${visit.body.id}/complete`, volunteerToken, { note: 'Samen gewandeld' })).status).toBe(200);
    expect((await post(`/api/matches/${matchId}/end`, coordinator, { reason: 'client_moved' })).status).toBe(200);

    const events = ['received', 'matched', 'first_visit', 'ended'];
    await eventually(async () => events.every((e) => hooksFor(requestId).some((w) => w.body.event === e)), 15_000, 'four webhooks');
    await eventually(async () => smtp.received.some((m) => m.to.includes('huisarts.bakker@example.org')), 10_000, 'the GP notice');
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a duplicate to show up, if there were one

    const hooks = hooksFor(requestId);
    expect(hooks.map((w) => w.body.event).sort()).toEqual([...events].sort());
    // Signed with the secret, which PostgreSQL holds only encrypted.
    const [stored] = await t.dataSource.query(`SELECT webhook_secret FROM referral_source WHERE id = $1`, [sourceId]);
    expect(stored.webhook_secret).toMatch(/^enc:v1:/);
    expect(stored.webhook_secret).not.toContain(SECRET);
    expect(hooks.every((w) => w.signatureValid)).toBe(true);
    expect(new Set(hooks.map((w) => w.headers['idempotency-key'])).size).toBe(4);
    expect(hooks.find((w) => w.body.event === 'matched')?.body).toMatchObject({ volunteerFirstName: 'Marieke', startDate: expect.any(String) });
    expect(hooks.find((w) => w.body.event === 'ended')?.body).toMatchObject({ reason: 'client_moved', reasonText: 'de cliënt is verhuisd' });
    const everything = hooks.map((w) => w.raw).join('\n');
    for (const secret of ['copd', 'Zuurstof', 'Jansen', 'Bakker', 'Samen gewandeld', 'sanne@example.org']) expect(everything).not.toContain(secret);

    const gp = smtp.received.filter((m) => m.to.includes('huisarts.bakker@example.org'));
    expect(gp).toHaveLength(1);
    expect(gp[0]).toMatchObject({ subject: 'Buddyzorg gestart' });
    expect(gp[0].text).not.toMatch(/copd|Jansen|Zuurstof/);

    const forReferrer = await feedbackOf(requestId, referrer);
    expect(forReferrer.status).toBe(200);
    // Handlers of different events run side by side, so the order of creation may vary.
    const rows = forReferrer.body.items.map((m: { event: string; status: string; attempts: number }) => [m.event, m.status, m.attempts]);
    expect(rows.sort()).toEqual([
      ['ended', 'delivered', 1],
      ['first_visit', 'delivered', 1],
      ['matched', 'delivered', 1],
      ['received', 'delivered', 1],
    ]);
    const forCoordinator = await feedbackOf(requestId);
    expect(forCoordinator.body.items.map((m: { event: string }) => m.event)).toContain('gp_notice');

    const after = await eventually(async () => {
      const rows = await t.dataSource.query(`SELECT status FROM follow_up WHERE match_id = $1`, [matchId]);
      return rows.every((r: { status: string }) => r.status === 'cancelled') && rows;
    }, 10_000, 'the follow-ups cancelled');
    expect(after.length).toBe(planned.length);
  });

  it('reminds the coordinator of a due follow-up once, lists it as overdue, and lets them complete or snooze it', async () => {
    const request = await t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId });
    const volunteer = await t.given.volunteerWithLogin(org);
    const match = await t.given.proposal(org, request.id, volunteer.volunteerId);
    await post(`/api/matches/${match.id}/accept`, await t.login(volunteer.email));
    const [first] = await eventually(async () => {
      const rows = await t.dataSource.query(`SELECT id FROM follow_up WHERE match_id = $1 AND kind = 'first_contact'`, [match.id]);
      return rows.length > 0 && rows;
    }, 10_000, 'the plan');

    // Due now, and no reminder in the outbox for that time: the worker's reconciler puts one there.
    await t.dataSource.query(`UPDATE follow_up SET due_at = now() - interval '1 hour' WHERE id = $1`, [first.id]);
    await eventually(async () => smtp.received.some((m) => m.to.includes(coordinatorEmail) && m.subject === 'Tijd voor een opvolging' && m.text.includes('/follow-ups')), 10_000, 'the reminder email');
    const [reminder] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'followup_due' AND dedupe_key LIKE $1`, [`followup.due:${first.id}:%`]);
    expect(reminder.n).toBe(1);
    expect(await t.app.get(FollowUpRepository).reconcile()).toBe(0); // reminded: nothing left to add

    const overdue = await t.request('GET', '/api/follow-ups?overdue=true', { token: coordinator });
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.map((f: { id: string }) => f.id)).toContain(first.id);
    expect(overdue.body.items.find((f: { id: string }) => f.id === first.id)).toMatchObject({ overdue: true, remindedAt: expect.any(String), kind: 'first_contact' });

    const until = new Date(Date.now() + 7 * 24 * HOUR);
    const snoozed = await post(`/api/follow-ups/${first.id}/snooze`, coordinator, { until });
    expect(snoozed.body).toMatchObject({ dueAt: until.toISOString(), overdue: false, remindedAt: null });
    expect((await post(`/api/follow-ups/${first.id}/snooze`, coordinator, { until: new Date(Date.now() - HOUR) })).status).toBe(422);
    const done = await post(`/api/follow-ups/${first.id}/complete`, coordinator, { outcome: 'going_well', notes: 'Klikt goed' });
    expect(done.body).toMatchObject({ status: 'done', outcome: 'going_well', notes: 'Klikt goed' });
    expect((await post(`/api/follow-ups/${first.id}/complete`, coordinator, { outcome: 'going_well' })).body.error).toBe('follow_up_closed');
    expect((await post(`/api/follow-ups/${first.id}/complete`, coordinator, { outcome: 'great' })).status).toBe(400);

    expect((await t.request('GET', '/api/follow-ups', { token: referrer })).status).toBe(403);
    expect((await t.request('GET', '/api/follow-ups', { token: await t.login(volunteer.email) })).status).toBe(403);
  });

  it('cuts off a receiver that hangs, and delivers on a later attempt', async () => {
    webhook.hangMs = 3_000;
    const request = await t.given.request(org, { programmeId, referralSourceId: sourceId });
    const failed = await eventually(async () => {
      const [m] = await t.dataSource.query(`SELECT attempts, last_error, status FROM feedback_message WHERE request_id = $1 AND event = 'received'`, [request.id]);
      return m?.attempts >= 1 && m.last_error && m;
    }, 10_000, 'a first attempt that timed out');
    expect(failed).toMatchObject({ status: 'pending', last_error: 'Webhook did not answer within 500 ms' });
    webhook.hangMs = 0;
    await eventually(async () => hooksFor(request.id).length > 0, 15_000, 'the retry');
    // The receiver has the message a moment before the delivery is recorded as such.
    const message = await eventually(async () => {
      const [m] = (await feedbackOf(request.id)).body.items;
      return m?.status === 'delivered' && m;
    }, 5_000, 'the delivery to be recorded');
    expect(message).toMatchObject({ event: 'received', status: 'delivered', attempts: expect.any(Number) });
    expect(message.attempts).toBeGreaterThanOrEqual(2);
  });

  it('refuses webhooks aimed at internal addresses, and allows only what configuration allows', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data', 'http://10.0.0.1/hook', 'http://[::1]/hook', 'http://localhost:8080/hook', 'http://192.168.1.10/hook']) {
      const response = await post('/api/referral-sources', coordinator, { name: 'Intern', type: 'hospital', feedbackChannel: 'webhook', webhookUrl: url, webhookSecret: SECRET });
      expect([url, response.status, response.body.error]).toEqual([url, 422, 'webhook_url_not_allowed']);
    }
    // This app allows 127.0.0.1 (WEBHOOK_ALLOWED_PRIVATE), as the local receiver needs.
    const allowed = await post('/api/referral-sources', coordinator, { name: 'Lokaal', type: 'hospital', feedbackChannel: 'webhook', webhookUrl: 'http://127.0.0.1:9/hook', webhookSecret: SECRET });
    expect(allowed.status).toBe(201);
  });

  it('keeps names, email addresses and diagnoses out of Redis after 1,000 jobs', async () => {
    const marker = `Zeldzaam${randomBytes(3).toString('hex')}`;
    const requests = t.app.get(RequestsService);
    const [user] = await t.dataSource.query(`SELECT id FROM app_user WHERE organisation_id = $1 AND role = 'coordinator' LIMIT 1`, [org]);
    const actor = { ...t.given.actor(org, Role.Coordinator), userId: user.id };
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) {
      const request = await requests.submit(actor, {
        programmeId,
        referralSourceId: sourceId,
        desiredSlots: [{ day: 'wed', part: 'morning' }],
        referrerContact: { name: `${marker} Verwijzer`, email: `verwijzer.${i}@zorg.example.org` },
        client: { firstName: marker, lastName: `${marker}sen`, birthDate: '1950-01-01', diagnosisGroup: DIAGNOSIS_GROUPS[i % DIAGNOSIS_GROUPS.length], consentGivenBy: 'client', lat: 52.09, lon: 5.12 },
      });
      ids.push(request.id);
    }
    // Each request makes two jobs: request.received and its feedback.deliver.
    await eventually(async () => {
      const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM feedback_message WHERE request_id = ANY($1) AND status = 'delivered'`, [ids]);
      return row.n === 500;
    }, 60_000, '500 delivered messages');
    const [jobs] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NOT NULL AND (payload->>'requestId' = ANY($1) OR topic = 'feedback.deliver')`,
      [ids],
    );
    expect(jobs.n).toBeGreaterThanOrEqual(1000);

    const dump: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await t.redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}:*`, 'COUNT', 1000);
      for (const key of keys) {
        const type = await t.redis.type(key);
        dump.push(key);
        if (type === 'string') dump.push(String(await t.redis.get(key)));
        else if (type === 'hash') dump.push(JSON.stringify(await t.redis.hgetall(key)));
        else if (type === 'list') dump.push(JSON.stringify(await t.redis.lrange(key, 0, -1)));
        else if (type === 'set') dump.push(JSON.stringify(await t.redis.smembers(key)));
        else if (type === 'zset') dump.push(JSON.stringify(await t.redis.zrange(key, 0, -1)));
        else if (type === 'stream') dump.push(JSON.stringify(await t.redis.xrange(key, '-', '+')));
      }
      cursor = next;
    } while (cursor !== '0');
    const text = dump.join('\n');
    expect(dump.length).toBeGreaterThan(100); // the scan saw the queues
    expect(text).not.toContain(marker);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    // As a word of its own: "als" is also inside other words.
    for (const diagnosis of DIAGNOSIS_GROUPS.filter((d) => d !== 'other')) {
      expect([diagnosis, new RegExp(`(?<![A-Za-z_])${diagnosis}(?![A-Za-z_])`).test(text)]).toEqual([diagnosis, false]);
    }
  }, 120_000);
});

describe('A feedback message that keeps failing', () => {
  let t: TestApp;
  let webhook: WebhookReceiver;

  beforeAll(async () => {
    webhook = await new WebhookReceiver(SECRET).start();
    t = await startTestApp({ env: { WEBHOOK_ALLOWED_PRIVATE: '127.0.0.1', WEBHOOK_TIMEOUT_MS: '500' } });
  });
  afterAll(async () => {
    await clearRedis(t.redis);
    await t.close();
    await webhook.stop();
  });

  it('is marked failed after its last attempt with the error visible, and a coordinator can send it again', async () => {
    const org = (await t.given.organisation()).organisation.id;
    const coordinator = await t.login((await t.given.user(org, Role.Coordinator)).email);
    const sourceId = (await t.given.referralSource(org, { feedbackChannel: 'webhook', webhookUrl: webhook.url, webhookSecret: SECRET })).id;
    const programmeId = (await t.given.programme(org, 'buddy')).id;
    const request = await t.given.request(org, { programmeId, referralSourceId: sourceId });
    const feedback = t.app.get(FeedbackService);
    const id = await t.dataSource.transaction((manager) => feedback.record(manager, org, request.id, 'received'));
    expect(await t.dataSource.transaction((manager) => feedback.record(manager, org, request.id, 'received'))).toBeNull(); // once per event
    await t.dataSource.query(`UPDATE feedback_message SET max_attempts = 2 WHERE id = $1`, [id]);

    webhook.failWith = 503;
    await expect(feedback.deliver(id as string)).rejects.toThrow('Webhook answered HTTP 503');
    await feedback.deliver(id as string); // the last attempt: no throw, so the job ends
    const failed = (await t.request('GET', `/api/requests/${request.id}/feedback`, { token: coordinator })).body.items[0];
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, lastError: expect.stringContaining('HTTP 503') });
    await feedback.deliver(id as string);
    expect(webhook.received).toHaveLength(2); // nothing sent after giving up

    webhook.failWith = 0;
    const retried = await t.request('POST', `/api/feedback/${id}/retry`, { token: coordinator });
    expect(retried).toMatchObject({ status: 200, body: { status: 'pending' } });
    const [job] = await t.dataSource.query(`SELECT topic FROM outbox_event WHERE dedupe_key = $1`, [`feedback.deliver:${id}:2`]);
    expect(job.topic).toBe('feedback.deliver');
    await feedback.deliver(id as string);
    const delivered = (await t.request('GET', `/api/requests/${request.id}/feedback`, { token: coordinator })).body.items[0];
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    expect(webhook.received.map((w) => w.headers['idempotency-key'])).toEqual([id, id, id]);
    expect((await t.request('POST', `/api/feedback/${id}/retry`, { token: coordinator })).body.error).toBe('feedback_not_failed');
  });
});

describe('Scheduled feedback: no match yet, and monthly progress', () => {
  let t: TestApp;
  let org: string;
  let sourceId: string;
  let programmeId: string;
  const messages = (requestId: string) =>
    t.dataSource.query(`SELECT event, period, content FROM feedback_message WHERE request_id = $1 ORDER BY created_at`, [requestId]) as Promise<
      Array<{ event: string; period: string; content: { text: string; data: Record<string, unknown> } }>
    >;

  beforeAll(async () => {
    t = await startTestApp(); // no worker: the handlers are called as the queue would call them
    org = (await t.given.organisation()).organisation.id;
    await t.given.user(org, Role.Coordinator);
    sourceId = (await t.given.referralSource(org)).id; // email channel
    programmeId = (await t.given.programme(org, 'buddy', { noMatchFeedbackDays: 10, progressFeedbackMonths: 1 })).id;
  });
  afterAll(() => t.close());

  it("schedules the no-match check at the programme's threshold, and writes no_match only while the request waits", async () => {
    const waiting = await t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId });
    const [check] = await t.dataSource.query(`SELECT available_at FROM outbox_event WHERE dedupe_key = $1`, [`request.unmatched-check:${waiting.id}`]);
    expect(Math.round((check.available_at.getTime() - waiting.submittedAt.getTime()) / 86_400_000)).toBe(10);

    const handler = t.app.get(RequestUnmatchedCheckHandler);
    await handler.handle({ organisationId: org, requestId: waiting.id, outboxId: 'unused' });
    await handler.handle({ organisationId: org, requestId: waiting.id, outboxId: 'unused' });
    expect((await messages(waiting.id)).map((m) => m.event)).toEqual(['no_match']);

    const volunteer = await t.given.volunteerWithLogin(org);
    const matched = await t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId });
    const match = await t.given.proposal(org, matched.id, volunteer.volunteerId);
    await t.app.get(MatchesService).accept({ ...t.given.actor(org, Role.Volunteer), volunteerId: volunteer.volunteerId, userId: volunteer.userId }, match.id);
    await handler.handle({ organisationId: org, requestId: matched.id, outboxId: 'unused' });
    expect(await messages(matched.id)).toEqual([]);
  });

  it('sends progress once per period while the match runs, counting the visits of that period, and schedules the next', async () => {
    const volunteer = await t.given.volunteerWithLogin(org);
    const request = await t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId });
    const match = await t.given.proposal(org, request.id, volunteer.volunteerId);
    await t.app.get(MatchesService).accept({ ...t.given.actor(org, Role.Volunteer), volunteerId: volunteer.volunteerId, userId: volunteer.userId }, match.id);
    await t.app.get(MatchStartedHandler).handle({ organisationId: org, matchId: match.id, outboxId: 'unused' });

    const [first] = await t.dataSource.query(`SELECT payload, available_at FROM outbox_event WHERE topic = 'feedback.progress' AND payload->>'matchId' = $1`, [match.id]);
    const started = new Date();
    const thisMonth = started.toISOString().slice(0, 7);
    expect(first.payload.period).toBe(thisMonth);
    expect(first.available_at.toISOString()).toBe(new Date(Date.UTC(started.getUTCFullYear(), started.getUTCMonth() + 1, 1)).toISOString());

    // A visit that took place this month.
    const visitStart = new Date(Date.now() - 3_600_000);
    await t.dataSource.query(
      `INSERT INTO visit (organisation_id, match_id, volunteer_id, client_id, starts_at, ends_at, status) VALUES ($1, $2, $3, $4, $5, $6, 'done')`,
      [org, match.id, volunteer.volunteerId, request.clientId, visitStart, new Date(visitStart.getTime() + 1_800_000)],
    );
    const progress = t.app.get(FeedbackProgressHandler);
    await progress.handle({ organisationId: org, matchId: match.id, period: thisMonth, outboxId: 'unused' });
    await progress.handle({ organisationId: org, matchId: match.id, period: thisMonth, outboxId: 'unused' });
    const sent = (await messages(request.id)).filter((m) => m.event === 'progress');
    expect(sent.map((m) => [m.period, m.content.data.visits])).toEqual([[thisMonth, 1]]);
    const next = await t.dataSource.query(`SELECT payload FROM outbox_event WHERE topic = 'feedback.progress' AND payload->>'matchId' = $1 ORDER BY available_at`, [match.id]);
    expect(next).toHaveLength(2);
    expect(next[1].payload.period > thisMonth).toBe(true);
  });
});
