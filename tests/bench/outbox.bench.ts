// npm run bench:outbox — the outbox → queue path on this machine, in one run (about 1 minute), on a
// fresh database (volunteer_match_outbox_bench) and a Redis key prefix of its own, both removed afterwards:
//  (a)  BullMQ's own Queue.addBulk rate: 10,000 small jobs in batches of 200 (the relay's batch size),
//       with the service's job defaults;
//  (b)  relay throughput: a burst of 10,000 outbox rows written in one INSERT, then
//       OutboxRelayService.relayPending() in-process (the worker's JobHandlersModule, no processors and
//       no loop running, so the relay alone is timed) until every row is relayed;
//  (b2) the worker (WorkerModule: relay loop and processors, WORKER_CONCURRENCY 4) working off the
//       10,000 jobs (b) left in Redis: handled jobs/s;
//  (c)  outbox → handler latency: with the worker running in-process, 1,000 events written one at a
//       time at 100/s by a separate connection; processed_at − created_at (both PostgreSQL clocks),
//       once with OUTBOX_POLL_MS=50 and once with the default 500.
// The events are `visit.completed` for visit ids that do not exist: the handler reads one row, finds
// nothing and returns (the row is still marked processed), so the figures are the path's own cost.
import 'reflect-metadata';
import { INestApplicationContext, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfigModule, redisOptionsFromUrl, RedisModule } from '@app/core';
import { DatabaseModule, prepareDatabase } from '@app/database';
import { DEFAULT_JOB_OPTIONS, JobName, OutboxRelayService, QueueName, Queues } from '@app/outbox';
import { JobHandlersModule } from '../../apps/worker/src/job-handlers.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';

const SERVER = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432'; // the owner
const APP_SERVER = process.env.BENCH_DATABASE_APP_SERVER_URL ?? 'postgres://volunteer_match_app@127.0.0.1:5432'; // the service's role
const DATABASE = 'volunteer_match_outbox_bench';
const DATABASE_OWNER_URL = `${SERVER}/${DATABASE}`;
const DATABASE_URL = `${APP_SERVER}/${DATABASE}`;
const REDIS_URL = 'redis://127.0.0.1:6379/13';
const PREFIX = `obench${randomBytes(4).toString('hex')}`;
const BURST = 10_000;
const BATCH = 200;
const LATENCY_EVENTS = 1_000;
const RATE_PER_SECOND = 100;

/** The worker's parts without its loops and processors: what (b) drives by hand. */
@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, JobHandlersModule] })
class RelayOnlyModule {}

/** The worker as its process runs it (relay loop, follow-up reconciler, one processor per queue). */
@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, WorkerModule] })
class WorkerBenchModule {}

const clock = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const n = (value: number) => Math.round(value).toLocaleString('en-GB');
const log = (line: string) => console.error(`[bench:outbox] ${line}`);

/** Empties the outbox between phases. TRUNCATE (no dead rows left to slow the next phase) is the owner's: the service may only DELETE. */
async function clearOutbox(): Promise<void> {
  const owner = new Client({ connectionString: DATABASE_OWNER_URL });
  await owner.connect();
  try {
    await owner.query('TRUNCATE outbox_event');
  } finally {
    await owner.end();
  }
}

async function deletePrefix(redis: Redis): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

async function context(module: Type<unknown>, pollMs: number): Promise<INestApplicationContext> {
  process.env.OUTBOX_POLL_MS = String(pollMs);
  const app = await NestFactory.createApplicationContext(module, { logger: ['error', 'warn'] });
  await app.init();
  return app;
}

const insertBurst = (db: { query(sql: string, params: unknown[]): Promise<unknown> }, organisationId: string, count: number) =>
  db.query(
    `INSERT INTO outbox_event (topic, payload)
     SELECT $1, jsonb_build_object('organisationId', $2::text, 'visitId', gen_random_uuid()::text) FROM generate_series(1, $3)`,
    [JobName.VisitCompleted, organisationId, count],
  );

async function waitUntilProcessed(db: DataSource, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ left }] = await db.query(`SELECT count(*)::int AS left FROM outbox_event WHERE processed_at IS NULL`);
    if (left === 0) return;
    if (Date.now() > deadline) throw new Error(`${left} outbox rows still unprocessed after ${timeoutMs} ms`);
    await sleep(50);
  }
}

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  claimP50: number;
  claimP95: number;
  relays: number;
}

/** (c): the worker running with the given poll interval; events written one at a time at a steady rate. */
async function latency(pollMs: number, organisationId: string, redis: Redis): Promise<Latency> {
  const worker = await context(WorkerBenchModule, pollMs);
  const db: DataSource = worker.get(getDataSourceToken());
  const writer = new Client({ connectionString: DATABASE_URL });
  await writer.connect();
  try {
    await sleep(1000); // the loops' first passes are over
    const interval = 1000 / RATE_PER_SECOND;
    const start = clock();
    for (let i = 0; i < LATENCY_EVENTS; i++) {
      await insertBurst(writer, organisationId, 1);
      const wait = start + (i + 1) * interval - clock();
      if (wait > 0) await sleep(wait);
    }
    await waitUntilProcessed(db, 60_000);
    const [row] = await db.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY claim) AS claim_p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY claim) AS claim_p95,
              sum(relay_count)::int AS relays
         FROM (SELECT extract(epoch FROM processed_at - created_at) * 1000 AS ms, extract(epoch FROM relayed_at - created_at) * 1000 AS claim, relay_count
                 FROM outbox_event) t`,
    );
    return {
      p50: Number(row.p50),
      p95: Number(row.p95),
      p99: Number(row.p99),
      max: Number(row.max),
      claimP50: Number(row.claim_p50),
      claimP95: Number(row.claim_p95),
      relays: row.relays,
    };
  } finally {
    await writer.end();
    await clearOutbox();
    await worker.close();
    await deletePrefix(redis);
  }
}

async function main(): Promise<void> {
  const wall = clock();
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await prepareDatabase({ url: DATABASE_URL, ownerUrl: DATABASE_OWNER_URL }, { log: () => undefined, error: console.error, warn: console.warn });
  Object.assign(process.env, {
    NODE_ENV: 'development',
    LOG_LEVEL: 'error',
    JWT_SECRET: `outbox-bench-jwt-secret-${randomBytes(16).toString('hex')}`,
    DATABASE_URL,
    DATABASE_OWNER_URL,
    REDIS_URL,
    REDIS_PREFIX: PREFIX,
    GEOCODER_URL: 'http://127.0.0.1:9',
  });
  const redis = new Redis(REDIS_URL);
  await deletePrefix(redis);
  const organisationId = randomUUID();
  try {
    // (a) BullMQ alone: the relay's batch size, job shape and job defaults; one warm-up batch not counted.
    log('(a) Queue.addBulk');
    const queue = new Queue('bench-addbulk', { connection: { ...redisOptionsFromUrl(REDIS_URL), maxRetriesPerRequest: null }, prefix: PREFIX, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    const jobs = (count: number) =>
      Array.from({ length: count }, () => {
        const id = randomUUID();
        return { name: JobName.VisitCompleted, data: { organisationId, visitId: randomUUID(), outboxId: id }, opts: { jobId: id } };
      });
    await queue.addBulk(jobs(BATCH));
    let t0 = clock();
    for (let i = 0; i < BURST; i += BATCH) await queue.addBulk(jobs(BATCH));
    const addBulkMs = clock() - t0;
    await queue.close();
    await deletePrefix(redis);

    // (b) The relay alone on a burst (warm-up: one batch relayed and cleared first).
    log('(b) relay of a burst');
    const relayOnly = await context(RelayOnlyModule, 500);
    let db: DataSource = relayOnly.get(getDataSourceToken());
    const relay = relayOnly.get(OutboxRelayService);
    await insertBurst(db, organisationId, BATCH);
    await relay.relayPending();
    await clearOutbox();
    await deletePrefix(redis);
    t0 = clock();
    await insertBurst(db, organisationId, BURST);
    const insertMs = clock() - t0;
    t0 = clock();
    const relayed = await relay.relayPending();
    const relayMs = clock() - t0;
    const counts = await relayOnly.get(Queues).get(QueueName.Notifications).getJobCounts('waiting');
    if (relayed !== BURST || counts.waiting !== BURST) throw new Error(`relayed ${relayed} rows, ${counts.waiting} jobs waiting; expected ${BURST}`);
    await relayOnly.close();

    // (b2) The worker on the 10,000 jobs now waiting (the rows were just relayed: nothing is relayed again).
    log('(b2) the worker on the backlog');
    t0 = clock();
    const worker = await context(WorkerBenchModule, 500);
    db = worker.get(getDataSourceToken());
    await waitUntilProcessed(db, 120_000);
    const handleMs = clock() - t0;
    // The rate from the first to the last processed_at, so the worker's boot does not count.
    const [{ relays, span }] = await db.query(
      `SELECT sum(relay_count)::int AS relays, extract(epoch FROM max(processed_at) - min(processed_at)) AS span FROM outbox_event`,
    );
    await clearOutbox();
    await worker.close();
    await deletePrefix(redis);

    // (c) Latency at a steady rate, with the short poll interval of the tests and with the default.
    log(`(c) latency, poll 50 ms`);
    const fast = await latency(50, organisationId, redis);
    log(`(c) latency, poll 500 ms`);
    const standard = await latency(500, organisationId, redis);

    const addBulkRate = BURST / (addBulkMs / 1000);
    const relayRate = BURST / (relayMs / 1000);
    const rows: Array<[string, string]> = [
      [`(a) BullMQ Queue.addBulk alone, ${n(BURST)} jobs in batches of ${BATCH}`, `${n(addBulkRate)} jobs/s (${(addBulkMs / 1000).toFixed(2)} s)`],
      [`(b) relay: burst of ${n(BURST)} outbox rows → BullMQ (relayPending, no processors)`, `${n(relayRate)} events/s (${(relayMs / 1000).toFixed(2)} s), ${Math.round((relayRate / addBulkRate) * 100)} % of (a); the burst's INSERT took ${(insertMs / 1000).toFixed(2)} s`],
      [`(b2) worker working off those ${n(BURST)} jobs (handler + processed_at)`, `${n(BURST / Number(span))} jobs/s (first to last processed_at ${Number(span).toFixed(1)} s; ${(handleMs / 1000).toFixed(1)} s with the worker's boot), ${relays - BURST} relayed again`],
      [`(c) processed_at − created_at, ${n(LATENCY_EVENTS)} events at ${RATE_PER_SECOND}/s, OUTBOX_POLL_MS=50`, `p50 ${fast.p50.toFixed(0)} ms, p95 ${fast.p95.toFixed(0)} ms, p99 ${fast.p99.toFixed(0)} ms, max ${fast.max.toFixed(0)} ms (claimed by the relay: p50 ${fast.claimP50.toFixed(0)}, p95 ${fast.claimP95.toFixed(0)} ms)`],
      [`(c) the same, OUTBOX_POLL_MS=500 (default)`, `p50 ${standard.p50.toFixed(0)} ms, p95 ${standard.p95.toFixed(0)} ms, p99 ${standard.p99.toFixed(0)} ms, max ${standard.max.toFixed(0)} ms (claimed by the relay: p50 ${standard.claimP50.toFixed(0)}, p95 ${standard.claimP95.toFixed(0)} ms)`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log('\nOutbox and queue');
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
    console.log(`\n(whole run ${((clock() - wall) / 1000).toFixed(1)} s; relays in (c): ${fast.relays} and ${standard.relays} for ${LATENCY_EVENTS} rows each)`);
  } finally {
    await deletePrefix(redis);
    await redis.quit();
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
