// npm run bench: seeds 100,000 volunteers and 2,000 requests into a fresh database, then measures the
// candidates endpoint over HTTP and its bare SQL prefilter on the same random requests, and the
// assignment solver on 2,000 requests × 20,000 volunteers × 50 candidates against greedy.
import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { CandidateRepository, greedyAssignment, solveAssignment } from '@app/matching';
import { createApp } from '../../apps/api/src/create-app';
import { seed } from '../../apps/seed/src/seed';

const SERVER = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432'; // the owner
const APP_SERVER = process.env.BENCH_DATABASE_APP_SERVER_URL ?? 'postgres://volunteer_match_app@127.0.0.1:5432'; // the service's role
const DATABASE = 'volunteer_match_bench';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 500);

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms (n=${sorted.length})`;
};
const now = () => Number(process.hrtime.bigint()) / 1e6;

function prng(seedValue: number) {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const url = `${APP_SERVER}/${DATABASE}`;
  const ownerUrl = `${SERVER}/${DATABASE}`;
  process.env.DATABASE_URL = url;
  process.env.DATABASE_OWNER_URL = ownerUrl;
  process.env.LOG_LEVEL = 'warn';
  process.env.REDIS_PREFIX = 'bench';
  process.env.LOGIN_RATE_LIMIT = '1000';

  const { prepareDatabase } = await import('@app/database');
  await prepareDatabase({ url, ownerUrl });
  let started = now();
  const seeded = await seed({ databaseUrl: ownerUrl, volunteers: 100_000, requests: 2_000, organisation: 'Benchmark', seed: 1 }, (line) => console.error(line));
  console.log(`seed: 100,000 volunteers + 2,000 requests in ${((now() - started) / 1000).toFixed(1)} s`);

  const app: NestFastifyApplication = await createApp({ withWorker: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  try {
    const coordinator = seeded.logins.find((l) => l.role === 'coordinator')?.email;
    const login = await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: coordinator, password: seeded.password }) })).json() as { accessToken: string };
    const headers = { authorization: `Bearer ${login.accessToken}` };
    const db = new Client({ connectionString: url });
    await db.connect();
    const ids: string[] = (await db.query(`SELECT id FROM request ORDER BY id`)).rows.map((r) => r.id);
    await db.end();
    const random = prng(7);
    const sample = Array.from({ length: SAMPLES }, () => ids[Math.floor(random() * ids.length)]);

    // Warm up both paths, then measure them on the same requests.
    const repository = app.get(CandidateRepository);
    const prefilter = async (id: string) => {
      const request = await repository.loadRequest(seeded.organisationId, id);
      if (!request) throw new Error(`request ${id} not found`);
      const startDate = request.startDate ?? new Date().toISOString().slice(0, 10);
      const t = now();
      await repository.prefilter(seeded.organisationId, request, startDate, 400);
      return now() - t;
    };
    for (const id of sample.slice(0, 20)) {
      await fetch(`${base}/api/requests/${id}/candidates?limit=20`, { headers });
      await prefilter(id);
    }
    const endpoint: number[] = [];
    const sql: number[] = [];
    let empty = 0;
    for (const id of sample) {
      const t = now();
      const response = await fetch(`${base}/api/requests/${id}/candidates?limit=20`, { headers });
      const body = (await response.json()) as { candidates: unknown[] };
      endpoint.push(now() - t);
      if (response.status !== 200) throw new Error(`candidates answered ${response.status}`);
      if (body.candidates.length === 0) empty++;
      sql.push(await prefilter(id));
    }
    console.log(`candidates endpoint over HTTP: ${summary(endpoint)}; ${empty} requests had no eligible volunteer`);
    console.log(`bare SQL prefilter:            ${summary(sql)}`);
  } finally {
    await app.close();
  }

  // The solver at the size: 2,000 requests × 20,000 volunteers, 50 candidates each, capacities 1–3.
  const random = prng(42);
  const edges = [];
  for (let r = 0; r < 2000; r++) {
    const seen = new Set<number>();
    while (seen.size < 50) seen.add(Math.floor(random() * 20000));
    for (const v of seen) edges.push({ request: r, volunteer: v, score: Math.round(random() * 1000) / 10 });
  }
  const problem = { requests: 2000, capacities: Array.from({ length: 20000 }, () => 1 + Math.floor(random() * 3)), edges };
  const solveTimes: number[] = [];
  let optimal = 0;
  for (let i = 0; i < 5; i++) {
    started = now();
    optimal = solveAssignment(problem).total;
    solveTimes.push(now() - started);
  }
  started = now();
  const greedy = greedyAssignment(problem).total;
  const greedyMs = now() - started;
  console.log(`assign 2,000 × 20,000 × 50: ${summary(solveTimes)}; total ${optimal.toFixed(1)} vs greedy ${greedy.toFixed(1)} (+${(optimal - greedy).toFixed(1)}) in ${greedyMs.toFixed(0)} ms`);

  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
