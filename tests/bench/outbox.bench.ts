// npm run bench:outbox — the outbox → queue path on this machine, in one run:
//  (a) BullMQ's own Queue.addBulk rate for 10,000 small jobs in batches of 200 (the relay's batch size);
//  (b) relay throughput for a burst of 10,000 outbox rows (OutboxRelayService.relayPending);
//  (c) outbox → handler latency (processed_at − created_at) for 1,000 events written at 100/s with
//      the worker running in-process (OUTBOX_POLL_MS=50).
// The events are `visit.completed` for unknown visits: their handler reads one row and does nothing,
// so the figures are the path's own cost.
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { getDataSourceToken } from '@nestjs/typeorm';
import { redisOptionsFromUrl } from '@app/core';
import { prepareDatabase } from '@app/database';
import { JobName, OutboxRelayService } from '@app/followups';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/create-app';

const SERVER = 'postgres://postgres@127.0.0.1:5432';
const DATABASE = 'volunteer_match_outbox_bench';
const REDIS_URL = 'redis://127.0.0.1:6379/13';
const PREFIX = `obench${randomBytes(3).toString('hex')}`;
const BURST = 10_000;
const LATENCY_EVENTS = 1_000;
const RATE_PER_SECOND = 100;

const now = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function flushPrefix(redis: Redis): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

async function insertEvents(db: DataSource, organisationId: string, n: number): Promise<void> {
  await db.query(
    `INSERT INTO outbox_event (topic, payload)
     SELECT $1, jsonb_build_object('organisationId', $2::text, 'visitId', gen_random_uuid()::text) FROM generate_series(1, $3)`,
    [JobName.VisitCompleted, organisationId, n],
  );
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const url = `${SERVER}/${DATABASE}`;
  await prepareDatabase(url);
  Object.assign(process.env, { DATABASE_URL: url, REDIS_URL, REDIS_PREFIX: PREFIX, LOG_LEVEL: 'error', NODE_ENV: 'development', JWT_SECRET: 'outbox-bench-jwt-secret-0123456789abc' });
  const redis = new Redis(REDIS_URL);
  const organisationId = randomUUID();

  // (a) BullMQ alone.
  const queue = new Queue('bench-addbulk', { connection: redisOptionsFromUrl(REDIS_URL), prefix: PREFIX });
  let t0 = now();
  for (let i = 0; i < BURST; i += 200) {
    await queue.addBulk(Array.from({ length: 200 }, (_, k) => ({ name: 'x', data: { id: randomUUID() }, opts: { jobId: `j${i + k}` } })));
  }
  const addBulkRate = BURST / ((now() - t0) / 1000);
  await queue.close();
  await flushPrefix(redis);

  // (b) The relay on a burst (the worker's loop asleep, so the relay alone is timed; its processors run meanwhile).
  process.env.OUTBOX_POLL_MS = '60000';
  let app = await createApp({ withWorker: true });
  await app.init();
  let db: DataSource = app.get(getDataSourceToken());
  await sleep(500); // the loop's first pass (on an empty outbox) is over
  await insertEvents(db, organisationId, BURST);
  t0 = now();
  const relayed = await app.get(OutboxRelayService).relayPending();
  const relaySeconds = (now() - t0) / 1000;
  const relayRate = relayed / relaySeconds;
  for (;;) {
    const [{ left }] = await db.query(`SELECT count(*)::int AS left FROM outbox_event WHERE processed_at IS NULL`);
    if (left === 0) break;
    await sleep(200);
  }
  const handledRate = BURST / ((now() - t0) / 1000);
  await app.close();
  await flushPrefix(redis);

  // (c) Latency with the worker polling every 50 ms.
  process.env.OUTBOX_POLL_MS = '50';
  app = await createApp({ withWorker: true });
  await app.init();
  db = app.get(getDataSourceToken());
  await db.query(`TRUNCATE outbox_event`);
  const interval = 1000 / RATE_PER_SECOND;
  const start = now();
  for (let i = 0; i < LATENCY_EVENTS; i++) {
    await insertEvents(db, organisationId, 1);
    const wait = start + (i + 1) * interval - now();
    if (wait > 0) await sleep(wait);
  }
  for (;;) {
    const [{ left }] = await db.query(`SELECT count(*)::int AS left FROM outbox_event WHERE processed_at IS NULL`);
    if (left === 0) break;
    await sleep(100);
  }
  const latencies: number[] = (await db.query(`SELECT extract(epoch FROM processed_at - created_at) * 1000 AS ms FROM outbox_event`)).map((r: { ms: string }) => Number(r.ms)).sort((a: number, b: number) => a - b);
  await app.close();
  await flushPrefix(redis);
  await redis.quit();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();

  console.log('\nOutbox and queue');
  console.log(`(a) BullMQ addBulk, ${BURST} jobs in batches of 200:             ${addBulkRate.toFixed(0)} jobs/s`);
  console.log(`(b) relay, burst of ${BURST} outbox rows → queue:                ${relayRate.toFixed(0)} events/s (${relaySeconds.toFixed(2)} s; ${((relayRate / addBulkRate) * 100).toFixed(0)} % of addBulk)`);
  console.log(`    the same burst relayed and handled (processed_at set):      ${handledRate.toFixed(0)} events/s`);
  console.log(`(c) outbox → handler latency, ${LATENCY_EVENTS} events at ${RATE_PER_SECOND}/s, poll 50 ms: p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p95 ${percentile(latencies, 0.95).toFixed(0)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
