// npm run test:crash — the closed loop while the worker process is killed (loopback only, about 2 minutes).
//
// Builds once, then on a fresh database (volunteer_match_crash) and a Redis key prefix of its own:
//  - a local webhook receiver (node:http) that checks every signature and answers 200, except a small
//    random share answered 500 or late (some later than WEBHOOK_TIMEOUT_MS), and a local SMTP server
//    (smtp-server) that accepts the reminder emails, except a small random share answered 451;
//  - 1,000 requests, each a `received` feedback message to the webhook (FeedbackService.record) and an
//    active match with one follow-up due now (FollowUpRepository.createPlan): 2,000 outbox events,
//    and a burst of 500 urgent vigil offers to 25 volunteers' logins (Notifier.notify: each a notification,
//    an email delivery to the local SMTP receiver and a push delivery, skipped without VAPID keys),
//    written in batches WHILE the worker (`node dist/apps/worker/src/main.js`) is killed with SIGKILL
//    at random moments, at least 10 times, and restarted; Redis (every key of the prefix) is flushed
//    once, mid-run, while the worker runs;
//  - then it waits until everything has drained and checks: nothing lost (every message delivered
//    and acknowledged by the receiver, every follow-up reminded with its notification row and email,
//    every vigil offer's email delivery sent and received, every due outbox row processed: the
//    volunteers' welcome digests wait for the morning), nothing duplicated in PostgreSQL (one delivery
//    row per notification and channel), no bad signature. Repeats at the
//    receivers are allowed (at least once; each carries the same idempotency key / Message-ID) and counted.
// Exits 1 if anything is lost, duplicated in PostgreSQL or badly signed, or if it does not drain in time.
// CRASH_SKIP_BUILD=1 skips the build (uses the dist/ that is there).
import 'reflect-metadata';
import { ChildProcess, execSync, spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { redisOptionsFromUrl } from '@app/core';
import { prepareDatabase } from '@app/database';
import { FeedbackService, FollowUpRepository } from '@app/feedback';
import { QueueName } from '@app/outbox';
import { Role } from '@app/identity';
import { NotificationKind, Notifier } from '@app/notifications';
import { createApp } from '../../apps/api/src/create-app';
import { Given } from '../support/test-app';

const SERVER = process.env.CRASH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432'; // the owner
const APP_SERVER = process.env.CRASH_DATABASE_APP_SERVER_URL ?? 'postgres://volunteer_match_app@127.0.0.1:5432'; // the service's role
const DATABASE = 'volunteer_match_crash';
const DATABASE_OWNER_URL = `${SERVER}/${DATABASE}`;
const DATABASE_URL = `${APP_SERVER}/${DATABASE}`;
const REDIS_URL = 'redis://127.0.0.1:6379/15'; // the tests use databases 0–(workers); the prefix keeps runs apart anyway
const PREFIX = `crash${randomBytes(4).toString('hex')}`;
const WORKER_ENTRY = 'dist/apps/worker/src/main.js';
const WEBHOOK_SECRET = `crash-${randomBytes(16).toString('hex')}`;
const BATCHES = 20;
const PER_BATCH = 50; // requests per batch: each one feedback message and one due follow-up
const VIGIL_VOLUNTEERS = 25; // each batch offers a vigil to every one of them: 500 urgent notifications
const MIN_KILLS = 10;
const FLUSH_AT_CYCLE = 5; // Redis is flushed while the worker runs between the 5th restart and the 6th kill
const DRAIN_TIMEOUT_MS = 180_000;
const WEBHOOK_TIMEOUT_MS = 2000;
// Shares of receiver answers that exercise the retries.
const WEBHOOK_500_SHARE = 0.03;
const WEBHOOK_SLOW_SHARE = 0.05; // answered after 0.1–3 s: some after the worker gave up
const SMTP_451_SHARE = 0.02;

const started = Date.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const log = (line: string) => console.log(`[crash +${seconds(Date.now() - started).padStart(5)} s] ${line}`);
const n = (value: number) => value.toLocaleString('en-GB');

// ---------------------------------------------------------------------------------------------
// The receivers.

interface Delivery {
  key: string;
  bodyMessageId: unknown;
  signatureOk: boolean;
  status: number;
  /** Answered 0.1–3 s late. */
  late: boolean;
  /** The answer went out on a live connection (a 200 here is what makes a message `delivered`). */
  acked: boolean;
}

/** Records every POST, checks its signature against the source's secret, answers 200 (mostly). */
class WebhookReceiver {
  readonly deliveries: Delivery[] = [];
  private server?: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hook`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const timestamp = String(request.headers['x-signature-timestamp'] ?? '');
        const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.${raw}`).digest('hex')}`;
        const given = String(request.headers['x-signature'] ?? '');
        const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
        const signatureOk = fresh && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
        let bodyMessageId: unknown;
        try {
          bodyMessageId = (JSON.parse(raw) as { messageId?: unknown }).messageId;
        } catch {
          bodyMessageId = undefined;
        }
        const roll = Math.random();
        const status = roll < WEBHOOK_500_SHARE ? 500 : 200;
        const delay = roll >= WEBHOOK_500_SHARE && roll < WEBHOOK_500_SHARE + WEBHOOK_SLOW_SHARE ? between(100, 3000) : 0;
        const delivery: Delivery = { key: String(request.headers['idempotency-key'] ?? ''), bodyMessageId, signatureOk, status, late: delay > 0, acked: false };
        this.deliveries.push(delivery);
        response.on('finish', () => (delivery.acked = true));
        const answer = () => {
          if (response.destroyed || request.socket.destroyed) return; // the worker gave up or was killed
          response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'try again');
        };
        if (delay > 0) setTimeout(answer, delay);
        else answer();
      });
    });
    this.server.on('clientError', (_error, socket) => socket.destroy()); // a killed worker resets its connections
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

interface Email {
  /** The delivery id: Message-ID is `<delivery id@domain>`. */
  id: string;
  to: string;
}

/** SMTP without TLS or auth that keeps the Message-ID of every accepted message. */
class SmtpReceiver {
  readonly accepted: Email[] = [];
  rejected = 0;
  port = 0;
  private server?: SMTPServer;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (Math.random() < SMTP_451_SHARE) {
            this.rejected++;
            return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          }
          const head = Buffer.concat(chunks).toString('utf8').split(/\r?\n\r?\n/)[0];
          const messageId = /^message-id:\s*<([^>@]+)@[^>]*>/im.exec(head)?.[1] ?? '';
          this.accepted.push({ id: messageId, to: session.envelope.rcptTo.map((r) => r.address).join(', ') });
          callback();
        });
      },
    });
    this.server.on('error', () => undefined); // a worker killed mid-message resets the connection
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

// ---------------------------------------------------------------------------------------------
// The worker process.

class Worker {
  kills = 0;
  starts = 0;
  readonly unexpectedExits: string[] = [];
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private readonly deliberate = new WeakSet<ChildProcess>();
  private stopping = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFd: number,
  ) {}

  start(): void {
    const child = spawn(process.execPath, [WORKER_ENTRY], { env: this.env, stdio: ['ignore', this.logFd, this.logFd] });
    this.starts++;
    this.child = child;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        if (!this.deliberate.has(child)) {
          this.unexpectedExits.push(`exit code ${code}, signal ${signal}`);
          log(`!! the worker exited by itself (code ${code}, signal ${signal}); restarting it`);
          if (!this.stopping) setTimeout(() => this.child === child && this.start(), 500);
        }
        resolve();
      }),
    );
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.deliberate.add(child);
    child.kill('SIGKILL');
    this.kills++;
    await this.exited;
  }

  /** SIGTERM, as an orchestrator stops it: returns its exit code and how long it took (SIGKILL after 30 s). */
  async stop(): Promise<{ code: number | null; ms: number }> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return { code: child?.exitCode ?? null, ms: 0 };
    this.deliberate.add(child);
    const t0 = Date.now();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(timer);
    return { code: child.exitCode, ms: Date.now() - t0 };
  }
}

async function deletePrefix(redis: Redis): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    if (keys.length > 0) deleted += await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}

const blank = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>').replace(/\d+/g, 'N');

/** Worker log lines (pino JSON) at warn and above, grouped with ids and numbers blanked out. */
function summariseLog(path: string): { warnings: number; errors: number; unstructured: number; top: string[] } {
  const counts = new Map<string, number>();
  let unstructured = 0;
  let warnings = 0;
  let errors = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.startsWith('{')) {
      // Written around the logger (BullMQ prints worker errors nobody listens to): the first line of each, not its stack.
      if (!line.trim() || /^\s+at |^\s*[{}\]]|^\s+[\w$]+: /.test(line)) continue;
      unstructured++;
      const shape = `(not JSON) ${blank(line).slice(0, 140)}`;
      counts.set(shape, (counts.get(shape) ?? 0) + 1);
      continue;
    }
    let entry: { level?: number; msg?: string; context?: string };
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if ((entry.level ?? 0) < 40) continue;
    if ((entry.level ?? 0) >= 50) errors++;
    else warnings++;
    const shape = `${(entry.level ?? 0) >= 50 ? 'error' : 'warn'} ${entry.context ?? ''}: ${blank(String(entry.msg ?? '')).slice(0, 140)}`;
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([shape, count]) => `${String(count).padStart(6)} × ${shape}`);
  return { warnings, errors, unstructured, top };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  if (!process.env.CRASH_SKIP_BUILD) {
    log('building (npm run build)');
    execSync('npm run --silent build', { stdio: 'inherit' });
  }
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await prepareDatabase({ url: DATABASE_URL, ownerUrl: DATABASE_OWNER_URL }, { log: () => undefined, error: console.error, warn: console.warn });
  const redis = new Redis(REDIS_URL);
  await deletePrefix(redis);
  const webhook = await new WebhookReceiver().start();
  const smtp = await new SmtpReceiver().start();
  const logPath = join(tmpdir(), `${PREFIX}-worker.log`);
  const logFd = openSync(logPath, 'w');
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    JWT_SECRET: `crash-test-jwt-secret-${randomBytes(16).toString('hex')}`,
    SECRETS_KEY: randomBytes(32).toString('base64'), // webhook secrets are stored sealed where the build supports it
    DATABASE_URL,
    DATABASE_OWNER_URL,
    REDIS_URL,
    REDIS_PREFIX: PREFIX,
    OUTBOX_POLL_MS: '50',
    OUTBOX_REDELIVER_AFTER_SECONDS: '5',
    WEBHOOK_ALLOWED_PRIVATE: '127.0.0.1',
    WEBHOOK_TIMEOUT_MS: String(WEBHOOK_TIMEOUT_MS),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    FOLLOWUP_RECONCILE_MS: '1000',
    GEOCODER_URL: 'http://127.0.0.1:9', // never the real PDOK
  };
  Object.assign(process.env, env, { LOG_LEVEL: 'error' });
  const worker = new Worker({ ...process.env, ...env }, logFd);
  let app: NestFastifyApplication | undefined;
  const queues: Queue[] = [];
  let passed = false;
  const onSignal = () => {
    void worker.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);

  try {
    // The data's context, in this process: one organisation, a coordinator, a webhook source, a programme, a volunteer.
    app = await createApp({ withWorker: false });
    await app.init();
    const db: DataSource = app.get(getDataSourceToken());
    const given = new Given(app);
    const organisationId = (await given.organisation({ name: 'Crash test' })).organisation.id;
    const coordinator = await given.user(organisationId, Role.Coordinator);
    const sourceId = (await given.referralSource(organisationId, { feedbackChannel: 'webhook', webhookUrl: webhook.url, webhookSecret: WEBHOOK_SECRET })).id;
    const programmeId = (await given.programme(organisationId, 'buddy')).id;
    const volunteerId = (await given.volunteer(organisationId, { maxConcurrentClients: 100 })).volunteer.id;
    const feedback = app.get(FeedbackService);
    const followUps = app.get(FollowUpRepository);
    const notifier = app.get(Notifier);
    const vigilUsers: string[] = [];
    for (let i = 0; i < VIGIL_VOLUNTEERS; i++) vigilUsers.push((await given.user(organisationId, Role.Volunteer)).id);
    let vigilBatch = 0;

    /** One batch: clients and requests by SQL, then per request one transaction with its message and its due follow-up. */
    const createBatch = async (size: number) => {
      const clientIds = Array.from({ length: size }, () => randomUUID());
      const requestIds = Array.from({ length: size }, () => randomUUID());
      await db.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO client (id, organisation_id, referral_source_id, first_name, last_name, birth_date, diagnosis_group, consent_given_at, consent_given_by)
           SELECT id, $1, $2, 'Crash', 'Test ' || n, '1945-05-05', 'copd', now(), 'client' FROM unnest($3::uuid[]) WITH ORDINALITY AS t(id, n)`,
          [organisationId, sourceId, clientIds],
        );
        await manager.query(
          `INSERT INTO request (id, organisation_id, programme_id, client_id, referral_source_id, submitted_by_user_id, kind, status, lat, lon, referrer_contact, matched_at)
           SELECT r, $1, $2, c, $3, $4, 'buddy', 'matched', 52.09, 5.12, '{"name": "Sanne Visser"}', now() FROM unnest($5::uuid[], $6::uuid[]) AS t(r, c)`,
          [organisationId, programmeId, sourceId, coordinator.id, requestIds, clientIds],
        );
      });
      for (let i = 0; i < size; i++) {
        await db.transaction(async (manager) => {
          const messageId = await feedback.record(manager, organisationId, requestIds[i], 'received');
          if (!messageId) throw new Error(`no feedback message was written for request ${requestIds[i]}`);
          const [match] = await manager.query(
            `INSERT INTO match (organisation_id, request_id, client_id, volunteer_id, status, score, started_at, proposed_by_user_id)
             VALUES ($1, $2, $3, $4, 'active', 50, now(), $5) RETURNING id`,
            [organisationId, requestIds[i], clientIds[i], volunteerId, coordinator.id],
          );
          const planned = await followUps.createPlan(
            manager,
            { id: match.id, organisationId, requestId: requestIds[i], clientId: clientIds[i], proposedByUserId: coordinator.id },
            [{ kind: 'custom', sequence: 1, dueAt: new Date(Date.now() - 60_000) }],
          );
          if (planned !== 1) throw new Error(`no follow-up was planned for match ${match.id}`);
        });
      }
      // The burst: a vigil offered to every vigil volunteer at once (urgent: the vigil queue, email now).
      const batch = ++vigilBatch;
      const startsAt = new Date(Date.now() + 6 * 3_600_000).toISOString();
      await Promise.all(
        vigilUsers.map((userId, i) =>
          notifier.notify(organisationId, userId, NotificationKind.VigilOffer, `crash.vigil:${batch}:${i}`, { params: { firstName: 'Crash', place: 'Utrecht', startsAt }, path: `/offers/${randomUUID()}` }),
        ),
      );
    };

    // The chaos: the worker killed at random moments and restarted; Redis flushed once while it runs.
    let creating = true;
    let lastKillAt = Date.now();
    let flushedKeys = -1;
    worker.start();
    log(`worker started (its log: ${logPath}); webhook ${webhook.url}, SMTP 127.0.0.1:${smtp.port}, Redis ${REDIS_URL} prefix ${PREFIX}`);
    const chaos = (async () => {
      for (let cycle = 1; creating || worker.kills < MIN_KILLS; cycle++) {
        const runFor = between(700, 3500); // from spawn: some kills land during boot (connections, migrations check)
        if (cycle === FLUSH_AT_CYCLE) {
          const at = between(300, runFor - 200);
          await sleep(at);
          flushedKeys = await deletePrefix(redis);
          log(`Redis flushed while the worker runs: ${n(flushedKeys)} keys of ${PREFIX} deleted`);
          await sleep(runFor - at);
        } else await sleep(runFor);
        await worker.kill();
        lastKillAt = Date.now();
        log(`kill ${worker.kills} (SIGKILL after ${seconds(runFor)} s up)`);
        await sleep(between(100, 800));
        worker.start();
      }
    })();

    const createdAt = Date.now();
    for (let b = 0; b < BATCHES; b++) {
      await createBatch(PER_BATCH);
      if ((b + 1) % 5 === 0) log(`created ${n((b + 1) * PER_BATCH)} requests: ${n((b + 1) * PER_BATCH)} messages + ${n((b + 1) * PER_BATCH)} due follow-ups`);
      await sleep(between(300, 1200));
    }
    const creationMs = Date.now() - createdAt;
    creating = false;
    await chaos;
    const expected = BATCHES * PER_BATCH;
    log(`all ${n(2 * expected)} events created in ${seconds(creationMs)} s; ${worker.kills} kills; waiting for the worker to drain`);

    // Drain: every message delivered, every follow-up reminded and emailed, every outbox row processed.
    const progress = async () => {
      const [row] = await db.query(
        `SELECT (SELECT count(*)::int FROM feedback_message WHERE status <> 'delivered') AS undelivered,
                (SELECT count(*)::int FROM follow_up WHERE reminded_at IS NULL) AS unreminded,
                (SELECT count(*)::int FROM notification WHERE kind = 'followup_due' AND sent_at IS NULL) AS unsent,
                (SELECT count(*)::int FROM notification_delivery WHERE status = 'pending') AS pending_deliveries,
                (SELECT count(*)::int FROM outbox_event WHERE processed_at IS NULL AND available_at <= now()) AS unprocessed`,
      );
      return row as { undelivered: number; unreminded: number; unsent: number; pending_deliveries: number; unprocessed: number };
    };
    let left = await progress();
    let lastReport = Date.now();
    const drainStart = Date.now();
    let drained = false;
    while (Date.now() - drainStart < DRAIN_TIMEOUT_MS) {
      if (left.undelivered + left.unreminded + left.unsent + left.pending_deliveries + left.unprocessed === 0) {
        drained = true;
        break;
      }
      if (Date.now() - lastReport > 10_000) {
        log(`left: ${left.undelivered} undelivered messages, ${left.unreminded} unreminded follow-ups, ${left.unsent} unsent reminder emails, ${left.pending_deliveries} pending notification deliveries, ${left.unprocessed} unprocessed outbox rows`);
        lastReport = Date.now();
      }
      await sleep(250);
      left = await progress();
    }
    const drainedAfterLastKillMs = Date.now() - lastKillAt;
    log(drained ? `drained ${seconds(drainedAfterLastKillMs)} s after the last kill` : `NOT drained ${seconds(DRAIN_TIMEOUT_MS)} s after the creation ended`);
    await sleep(1000); // late repeats still in flight reach the receivers
    const shutdown = await worker.stop();

    // What BullMQ still holds (before the keys go).
    const jobs: Record<string, Record<string, number>> = {};
    for (const name of Object.values(QueueName)) {
      const queue = new Queue(name, { connection: redisOptionsFromUrl(REDIS_URL), prefix: PREFIX });
      queues.push(queue);
      jobs[name] = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
    }

    // The checks.
    const [pg] = await db.query(
      `SELECT (SELECT count(*)::int FROM feedback_message) AS messages,
              (SELECT count(*)::int FROM feedback_message WHERE status = 'delivered') AS delivered,
              (SELECT count(*)::int FROM feedback_message WHERE status = 'failed') AS failed,
              (SELECT coalesce(sum(attempts), 0)::int FROM feedback_message) AS attempts,
              (SELECT coalesce(max(attempts), 0)::int FROM feedback_message) AS max_attempts,
              (SELECT count(*)::int FROM follow_up) AS follow_ups,
              (SELECT count(*)::int FROM follow_up WHERE reminded_at IS NOT NULL) AS reminded,
              (SELECT count(*)::int FROM follow_up f WHERE NOT EXISTS (
                  SELECT 1 FROM notification n WHERE n.kind = 'followup_due' AND split_part(n.dedupe_key, ':', 2) = f.id::text)) AS without_notification,
              (SELECT count(*)::int FROM notification WHERE kind = 'followup_due') AS reminders,
              (SELECT count(*)::int FROM notification WHERE kind = 'followup_due' AND sent_at IS NULL) AS unsent,
              (SELECT count(*)::int FROM outbox_event) AS outbox,
              (SELECT count(*)::int FROM outbox_event WHERE processed_at IS NULL AND available_at <= now()) AS unprocessed,
              (SELECT count(*)::int FROM outbox_event WHERE relay_count > 1) AS relayed_again,
              (SELECT coalesce(max(relay_count), 0)::int FROM outbox_event) AS max_relays,
              (SELECT count(*) - count(DISTINCT (request_id, event, period)) FROM feedback_message)::int AS dup_messages,
              (SELECT count(*) - count(DISTINCT dedupe_key) FROM notification)::int AS dup_notifications,
              (SELECT count(*) - count(DISTINCT (match_id, kind, sequence)) FROM follow_up)::int AS dup_follow_ups,
              (SELECT count(*)::int FROM (SELECT 1 FROM notification WHERE kind = 'followup_due'
                  GROUP BY split_part(dedupe_key, ':', 2) HAVING count(*) > 1) x) AS dup_reminders,
              (SELECT count(*) - count(DISTINCT dedupe_key) FROM outbox_event WHERE dedupe_key IS NOT NULL)::int AS dup_outbox,
              (SELECT count(*)::int FROM notification WHERE kind = 'vigil_offer') AS vigil_offers,
              (SELECT count(*)::int FROM notification n WHERE n.kind = 'vigil_offer' AND NOT EXISTS (
                  SELECT 1 FROM notification_delivery d WHERE d.notification_id = n.id AND d.channel = 'email' AND d.status = 'sent')) AS vigil_unsent,
              (SELECT count(*)::int FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.kind = 'vigil_offer' AND d.status = 'failed') AS vigil_failed,
              (SELECT coalesce(sum(d.attempts), 0)::int FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.kind = 'vigil_offer' AND d.channel = 'email') AS vigil_attempts,
              (SELECT count(*) - count(DISTINCT (notification_id, channel)) FROM notification_delivery)::int AS dup_deliveries`,
    );
    const messageIds = new Set<string>((await db.query(`SELECT id FROM feedback_message`)).map((r: { id: string }) => r.id));
    const emailDeliveriesOf = async (kind: string) =>
      new Set<string>(
        (await db.query(`SELECT d.id FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.kind = $1 AND d.channel = 'email'`, [kind])).map((r: { id: string }) => r.id),
      );
    const reminderIds = await emailDeliveriesOf('followup_due');
    const vigilEmailIds = await emailDeliveriesOf('vigil_offer');
    const allEmailDeliveries = new Set<string>((await db.query(`SELECT id FROM notification_delivery WHERE channel = 'email'`)).map((r: { id: string }) => r.id));
    const deliveries = webhook.deliveries;
    const keys = new Set(deliveries.map((d) => d.key));
    const ackedKeys = new Set(deliveries.filter((d) => d.acked && d.status === 200).map((d) => d.key));
    const notAcked = [...messageIds].filter((id) => !ackedKeys.has(id)).length;
    const unknownKeys = [...keys].filter((key) => !messageIds.has(key)).length;
    const bodyMismatches = deliveries.filter((d) => d.bodyMessageId !== d.key).length;
    const badSignatures = deliveries.filter((d) => !d.signatureOk).length;
    const answered500 = deliveries.filter((d) => d.acked && d.status === 500).length;
    const late = deliveries.filter((d) => d.late).length;
    const cutOff = deliveries.filter((d) => !d.acked).length;
    const emailIds = new Set(smtp.accepted.map((e) => e.id));
    const emailsMissing = [...reminderIds].filter((id) => !emailIds.has(id)).length;
    const vigilEmailsMissing = [...vigilEmailIds].filter((id) => !emailIds.has(id)).length;
    const strayEmails = smtp.accepted.filter((e) => !allEmailDeliveries.has(e.id)).length;
    const vigilEmails = smtp.accepted.filter((e) => vigilEmailIds.has(e.id)).length;
    const workerLog = summariseLog(logPath);
    const [{ sealed }] = await db.query(`SELECT webhook_secret LIKE 'enc:v1:%' AS sealed FROM referral_source WHERE id = $1`, [sourceId]);

    const lost = {
      messagesNotDelivered: expected - pg.delivered,
      messagesNotAcknowledgedByReceiver: notAcked,
      followUpsNotReminded: expected - pg.reminded,
      followUpsWithoutNotification: pg.without_notification,
      reminderEmailsNotSent: pg.unsent,
      reminderEmailsNotReceived: emailsMissing,
      vigilOffersWithoutSentEmail: BATCHES * VIGIL_VOLUNTEERS - pg.vigil_offers + pg.vigil_unsent,
      vigilEmailsNotReceived: vigilEmailsMissing,
      outboxRowsNotProcessed: pg.unprocessed,
    };
    const duplicated = {
      feedbackMessagesPerRequestEventPeriod: pg.dup_messages,
      notificationsPerDedupeKey: pg.dup_notifications,
      remindersPerFollowUp: pg.dup_reminders,
      followUpsPerPlanStep: pg.dup_follow_ups,
      outboxRowsPerDedupeKey: pg.dup_outbox,
      deliveriesPerNotificationAndChannel: pg.dup_deliveries,
    };
    const lostTotal = Object.values(lost).reduce((a, b) => a + b, 0);
    const duplicatedTotal = Object.values(duplicated).reduce((a, b) => a + b, 0);
    const problems: string[] = [];
    if (!drained) problems.push(`did not drain within ${seconds(DRAIN_TIMEOUT_MS)} s`);
    if (pg.messages !== expected || pg.follow_ups !== expected) problems.push(`created ${pg.messages} messages and ${pg.follow_ups} follow-ups, expected ${expected} each`);
    if (lostTotal > 0) problems.push(`lost: ${JSON.stringify(lost)}`);
    if (duplicatedTotal > 0) problems.push(`duplicated in PostgreSQL: ${JSON.stringify(duplicated)}`);
    if (keys.size !== pg.messages || unknownKeys > 0) problems.push(`${keys.size} distinct idempotency keys received (${unknownKeys} unknown) for ${pg.messages} messages`);
    if (badSignatures > 0) problems.push(`${badSignatures} deliveries with a bad or stale signature`);
    if (bodyMismatches > 0) problems.push(`${bodyMismatches} deliveries whose body's messageId differs from the idempotency key`);
    if (strayEmails > 0) problems.push(`${strayEmails} emails whose Message-ID is no email delivery`);
    if (pg.vigil_failed > 0) problems.push(`${pg.vigil_failed} vigil offer deliveries ended failed`);
    if (pg.failed > 0) problems.push(`${pg.failed} feedback messages ended failed`);
    if (worker.kills < MIN_KILLS) problems.push(`only ${worker.kills} kills`);
    if (flushedKeys < 0) problems.push('Redis was not flushed');
    if (worker.unexpectedExits.length > 0) problems.push(`the worker exited by itself ${worker.unexpectedExits.length} time(s): ${worker.unexpectedExits.join('; ')}`);

    const rows: Array<[string, string]> = [
      ['events created', `${n(pg.messages + pg.follow_ups)} (${n(pg.messages)} feedback messages, ${n(pg.follow_ups)} due follow-ups) in ${seconds(creationMs)} s, ${BATCHES} batches`],
      ['worker kills (SIGKILL) / starts / exits by itself', `${worker.kills} / ${worker.starts} / ${worker.unexpectedExits.length}`],
      ['Redis flushes', `1 (${n(flushedKeys)} keys of the prefix deleted, worker running)`],
      ['lost: messages not delivered / not acknowledged by the receiver', `${lost.messagesNotDelivered} / ${lost.messagesNotAcknowledgedByReceiver}`],
      ['lost: follow-ups not reminded / without notification / email not sent / not received', `${lost.followUpsNotReminded} / ${lost.followUpsWithoutNotification} / ${lost.reminderEmailsNotSent} / ${lost.reminderEmailsNotReceived}`],
      ['lost: outbox rows not processed', `${lost.outboxRowsNotProcessed} of ${n(pg.outbox)}`],
      ['duplicated in PostgreSQL (messages, notifications, reminders per follow-up, follow-ups, outbox, deliveries)', `${duplicatedTotal} (${Object.values(duplicated).join(', ')})`],
      ['webhook deliveries received / distinct idempotency keys / repeats', `${n(deliveries.length)} / ${n(keys.size)} / ${n(deliveries.length - keys.size)}`],
      ['  answered 500 / answered late (0.1–3 s) / cut off before the answer (worker timed out or killed)', `${answered500} / ${late} / ${cutOff}`],
      ['bad signatures / body messageId ≠ idempotency key', `${badSignatures} / ${bodyMismatches} (the source's secret stored ${sealed ? 'sealed under SECRETS_KEY' : 'as given'})`],
      ['feedback attempts (sum, max per message) / failed messages', `${n(pg.attempts)}, ${pg.max_attempts} / ${pg.failed}`],
      ['reminders (notification rows) / emails received / distinct Message-IDs / repeats / answered 451', `${n(pg.reminders)} / ${n(smtp.accepted.length)} / ${n(emailIds.size)} / ${n(smtp.accepted.length - emailIds.size)} / ${smtp.rejected}`],
      ['urgent vigil offers: notifications / email sent / emails received / distinct / attempts / failed', `${n(pg.vigil_offers)} / ${n(pg.vigil_offers - pg.vigil_unsent)} / ${n(vigilEmails)} / ${n(new Set(smtp.accepted.filter((e) => vigilEmailIds.has(e.id)).map((e) => e.id)).size)} / ${n(pg.vigil_attempts)} / ${pg.vigil_failed}`],
      ['outbox rows relayed more than once / most relays of one row', `${n(pg.relayed_again)} / ${pg.max_relays}`],
      ['time to drain after the last kill', drained ? `${seconds(drainedAfterLastKillMs)} s` : 'did not drain'],
      ['worker SIGTERM at the end: exit code, time', `${shutdown.code}, ${seconds(shutdown.ms)} s`],
      ['BullMQ at the end (waiting/active/delayed/failed/completed per queue)', Object.entries(jobs).map(([q, c]) => `${q} ${c.waiting}/${c.active}/${c.delayed}/${c.failed}/${c.completed}`).join(', ')],
      ['worker log: warnings / errors / errors printed around the logger', `${n(workerLog.warnings)} / ${n(workerLog.errors)} / ${n(workerLog.unstructured)}`],
    ];
    console.log('\nCrash test');
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
    if (workerLog.top.length > 0) console.log(`\nWorker log, most frequent warnings and errors:\n${workerLog.top.join('\n')}`);
    console.log(
      `\n${JSON.stringify({
        events: pg.messages + pg.follow_ups,
        kills: worker.kills,
        redisFlushes: 1,
        lost,
        duplicated,
        webhookDeliveries: deliveries.length,
        distinctIdempotencyKeys: keys.size,
        repeats: deliveries.length - keys.size,
        badSignatures,
        reminders: pg.reminders,
        vigilOffers: pg.vigil_offers,
        vigilEmails,
        emails: smtp.accepted.length,
        distinctEmails: emailIds.size,
        secondsToDrainAfterLastKill: drained ? Number(seconds(drainedAfterLastKillMs)) : null,
      })}`,
    );
    passed = problems.length === 0;
    console.log(passed ? '\nPASS: nothing lost, nothing duplicated in PostgreSQL, every delivery signed' : `\nFAIL:\n  - ${problems.join('\n  - ')}`);
  } finally {
    process.removeListener('SIGINT', onSignal);
    await worker.stop();
    for (const queue of queues) await queue.close();
    await app?.close();
    await deletePrefix(redis);
    await redis.quit();
    await webhook.stop();
    await smtp.stop();
    closeSync(logFd);
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.end();
    if (passed) rmSync(logPath, { force: true });
    else console.log(`worker log kept: ${logPath}`);
  }
  return passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
