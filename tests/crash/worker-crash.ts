// npm run test:crash — the closed loop under worker crashes (loopback only, a few minutes at most).
// 1,000 requests (each a `received` feedback message by webhook) and 1,000 due follow-ups (each a
// reminder row and email) are created in batches while the worker process is killed with SIGKILL at
// random, at least 10 times, and Redis is flushed once. Then it waits until everything has drained
// and checks: every message and reminder exists once in PostgreSQL, every message reached the
// webhook receiver (repeats counted, each carrying the same idempotency key), every signature holds.
import 'reflect-metadata';
import { ChildProcess, execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { FollowUpRepository } from '@app/feedback';
import { Role } from '@app/identity';
import { RequestsService } from '@app/referrals';
import { prepareDatabase } from '@app/database';
import { createApp } from '../../apps/api/src/create-app';
import { SmtpReceiver, WebhookReceiver } from '../support/local-receivers';
import { Given } from '../support/test-app';

const SERVER = 'postgres://postgres@127.0.0.1:5432';
const DATABASE = 'volunteer_match_crash';
const REDIS_URL = 'redis://127.0.0.1:6379/14';
const PREFIX = `crash${randomBytes(3).toString('hex')}`;
const SECRET = 'crash-test-webhook-secret-0123456789';
const BATCHES = 10;
const PER_BATCH = 100;
const MIN_KILLS = 10;
const DRAIN_TIMEOUT_MS = 240_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);
const log = (line: string) => console.log(`[crash] ${line}`);

async function flushPrefix(redis: Redis): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    if (keys.length > 0) deleted += await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}

async function main(): Promise<void> {
  if (!process.env.CRASH_SKIP_BUILD) execSync('npm run --silent build', { stdio: 'inherit' });
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const url = `${SERVER}/${DATABASE}`;
  await prepareDatabase(url);

  const smtp = await new SmtpReceiver().start();
  const webhook = await new WebhookReceiver(SECRET).start();
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'error',
    JWT_SECRET: 'crash-test-jwt-secret-0123456789abcdef',
    DATABASE_URL: url,
    REDIS_URL,
    REDIS_PREFIX: PREFIX,
    OUTBOX_POLL_MS: '50',
    OUTBOX_REDELIVER_AFTER_SECONDS: '5',
    WEBHOOK_ALLOWED_PRIVATE: '127.0.0.1',
    WEBHOOK_TIMEOUT_MS: '2000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    FOLLOWUP_RECONCILE_MS: '1000',
  };
  Object.assign(process.env, env);
  const app = await createApp({ withWorker: false });
  await app.init();
  const db: DataSource = app.get(getDataSourceToken());
  const redis = new Redis(REDIS_URL);
  await flushPrefix(redis);

  // Who and where: one organisation, its coordinator, a webhook source, a buddy programme, a volunteer.
  const given = new Given(app);
  const org = (await given.organisation()).organisation.id;
  const coordinator = await given.user(org, Role.Coordinator);
  const sourceId = (await given.referralSource(org, { feedbackChannel: 'webhook', webhookUrl: webhook.url, webhookSecret: SECRET })).id;
  const programmeId = (await given.programme(org, 'buddy')).id;
  const volunteerId = (await given.volunteer(org, { maxConcurrentClients: 100 })).volunteer.id;

  // The worker, killed and restarted at random.
  let worker: ChildProcess | undefined;
  const startWorker = () => {
    worker = spawn(process.execPath, ['dist/apps/worker/src/main.js'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  };
  let kills = 0;
  let flushes = 0;
  let lastKillAt = Date.now();
  let creating = true;
  startWorker();
  const chaos = (async () => {
    while (creating || kills < MIN_KILLS) {
      await sleep(between(800, 2500));
      worker?.kill('SIGKILL');
      kills++;
      lastKillAt = Date.now();
      if (kills === Math.ceil(MIN_KILLS / 2)) {
        const deleted = await flushPrefix(redis);
        flushes++;
        log(`kill ${kills}, and Redis flushed (${deleted} keys)`);
      } else log(`kill ${kills}`);
      await sleep(between(100, 600));
      startWorker();
    }
  })();

  // The events, in batches while the chaos runs.
  const started = Date.now();
  const actor = { ...given.actor(org, Role.Coordinator), userId: coordinator.id };
  const requests = app.get(RequestsService);
  const followUps = app.get(FollowUpRepository);
  for (let b = 0; b < BATCHES; b++) {
    for (let i = 0; i < PER_BATCH; i++) {
      const request = await requests.submit(actor, {
        programmeId,
        referralSourceId: sourceId,
        desiredSlots: [{ day: 'tue', part: 'afternoon' }],
        referrerContact: { name: 'Sanne Visser' },
        client: { firstName: 'Crash', lastName: `Test ${b}-${i}`, birthDate: '1945-05-05', diagnosisGroup: 'copd', consentGivenBy: 'client', lat: 52.09, lon: 5.12 },
      });
      await db.transaction(async (manager) => {
        const [match] = await manager.query(
          `INSERT INTO match (organisation_id, request_id, client_id, volunteer_id, status, score, started_at, proposed_by_user_id)
           VALUES ($1, $2, $3, $4, 'active', 50, now(), $5) RETURNING id`,
          [org, request.id, request.clientId, volunteerId, coordinator.id],
        );
        await followUps.createPlan(
          manager,
          { id: match.id, organisationId: org, requestId: request.id, clientId: request.clientId, proposedByUserId: coordinator.id },
          [{ kind: 'custom', sequence: 1, dueAt: new Date(Date.now() - 60_000) }],
        );
      });
    }
    log(`batch ${b + 1}/${BATCHES} created (${(b + 1) * PER_BATCH} requests and follow-ups)`);
  }
  const events = BATCHES * PER_BATCH * 2;
  creating = false;
  await chaos;
  log(`created ${events} events in ${((Date.now() - started) / 1000).toFixed(1)} s; ${kills} kills, ${flushes} Redis flush; waiting for the worker to drain`);

  // Drain: every message delivered, every follow-up reminded and emailed, no due outbox row left.
  const expected = BATCHES * PER_BATCH;
  const state = async () => {
    const [row] = await db.query(
      `SELECT (SELECT count(*)::int FROM feedback_message WHERE status = 'delivered') AS delivered,
              (SELECT count(*)::int FROM feedback_message WHERE status = 'failed') AS failed,
              (SELECT count(*)::int FROM follow_up WHERE reminded_at IS NOT NULL) AS reminded,
              (SELECT count(*)::int FROM notification WHERE kind = 'followup_due' AND sent_at IS NOT NULL) AS emailed,
              (SELECT count(*)::int FROM outbox_event WHERE processed_at IS NULL AND available_at <= now()) AS pending`,
    );
    return row as { delivered: number; failed: number; reminded: number; emailed: number; pending: number };
  };
  const drainStart = Date.now();
  let now = await state();
  while (!(now.delivered === expected && now.reminded === expected && now.emailed === expected && now.pending === 0)) {
    if (Date.now() - drainStart > DRAIN_TIMEOUT_MS) break;
    await sleep(500);
    now = await state();
  }
  const drained = (Date.now() - lastKillAt) / 1000;
  worker?.kill('SIGTERM');

  const [dup] = await db.query(
    `SELECT (SELECT count(*) - count(DISTINCT (request_id, event, period)) FROM feedback_message)::int AS messages,
            (SELECT count(*) - count(DISTINCT dedupe_key) FROM notification)::int AS notifications,
            (SELECT count(*)::int FROM feedback_message) AS message_rows,
            (SELECT count(*)::int FROM notification WHERE kind = 'followup_due') AS reminder_rows`,
  );
  const keys = webhook.received.map((w) => String(w.headers['idempotency-key']));
  const distinct = new Set(keys).size;
  const emailIds = new Set(smtp.received.map((m) => m.messageId)).size;
  const report = {
    events,
    kills,
    redisFlushes: flushes,
    feedbackMessages: dup.message_rows,
    reminders: dup.reminder_rows,
    lostMessages: expected - now.delivered,
    failedMessages: now.failed,
    lostReminders: expected - now.reminded,
    unsentReminderEmails: expected - now.emailed,
    duplicatedInPostgres: dup.messages + dup.notifications,
    webhookDeliveries: keys.length,
    distinctIdempotencyKeys: distinct,
    repeatedDeliveries: keys.length - distinct,
    badSignatures: webhook.received.filter((w) => !w.signatureValid).length,
    emails: smtp.received.length,
    distinctEmails: emailIds,
    outboxPending: now.pending,
    secondsToDrainAfterLastKill: Number(drained.toFixed(1)),
  };
  console.log(JSON.stringify(report, null, 2));

  await sleep(500);
  await app.close();
  await flushPrefix(redis);
  await redis.quit();
  await webhook.stop();
  await smtp.stop();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();

  const ok =
    report.lostMessages === 0 &&
    report.failedMessages === 0 &&
    report.lostReminders === 0 &&
    report.unsentReminderEmails === 0 &&
    report.duplicatedInPostgres === 0 &&
    report.distinctIdempotencyKeys === expected &&
    report.badSignatures === 0 &&
    report.kills >= MIN_KILLS &&
    report.outboxPending === 0;
  log(ok ? 'PASS: nothing lost, nothing duplicated in PostgreSQL, every delivery signed' : 'FAIL');
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
