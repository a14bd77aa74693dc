import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test, TestingModule } from '@nestjs/testing';
import { AppConfigModule, redisOptionsFromUrl, RedisModule } from '@app/core';
import { DatabaseModule } from '@app/database';
import {
  HandlesJob,
  JobDispatcher,
  JobName,
  OutboxModule,
  OutboxRelayService,
  OutboxRepository,
  QueueName,
  Queues,
} from '@app/outbox';
import { NotificationRepository, UserCreatedHandler } from '@app/notifications';
import { Role } from '@app/identity';
import { JobHandlersModule } from '../../apps/worker/src/job-handlers.module';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { clearRedis, PASSWORD, startTestApp, TestApp } from '../support/test-app';

/** The worker's parts without its loops, so each step can be driven by hand. */
async function workerParts(): Promise<TestingModule> {
  const module = await Test.createTestingModule({ imports: [AppConfigModule, DatabaseModule, RedisModule, JobHandlersModule] }).compile();
  await module.init();
  return module;
}

describe('Outbox → queue', () => {
  let t: TestApp;
  let worker: TestingModule;
  let relay: OutboxRelayService;
  let dispatcher: JobDispatcher;
  let queues: Queues;
  let notifications: NotificationRepository;
  let orgId: string;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await workerParts();
    relay = worker.get(OutboxRelayService);
    dispatcher = worker.get(JobDispatcher);
    queues = worker.get(Queues);
    notifications = worker.get(NotificationRepository);
    const { organisation, admin } = await t.given.organisation({ isHost: true });
    orgId = organisation.id;
    adminToken = await t.login(admin.email);
    // Everything created so far is relayed and handled, so each test starts from an empty queue.
    await relay.relayPending();
    await drain();
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const queue = () => queues.get(QueueName.Notifications);
  const queuedJobs = () => queue().getJobs(['waiting', 'delayed', 'active', 'prioritized']);
  const outboxRows = (userId: string) =>
    t.dataSource.query(`SELECT id, topic, payload, relay_count, processed_at FROM outbox_event WHERE payload->>'userId' = $1`, [userId]);

  /** Handles every queued job the way the worker's processor does, then removes it. */
  async function drain(): Promise<number> {
    const jobs = await queuedJobs();
    for (const job of jobs) {
      await dispatcher.dispatch(job.name as JobName, job.data);
      await job.remove();
    }
    return jobs.length;
  }

  async function createUser(): Promise<string> {
    const response = await t.request('POST', '/api/users', {
      token: adminToken,
      body: { email: t.given.email(), name: 'Coördinator', role: Role.Coordinator, password: PASSWORD },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  it('blanks email addresses out of the error of a failed job, which BullMQ keeps in Redis', async () => {
    const handler = worker.get(UserCreatedHandler);
    jest.spyOn(handler, 'handle').mockRejectedValueOnce(new Error('Can\'t send mail - all recipients were rejected: 550 <jan.jansen@example.org>: unknown'));
    const payload = { userId: '00000000-0000-4000-8000-000000000001', organisationId: orgId, outboxId: '00000000-0000-4000-8000-000000000002' };
    const thrown = (await dispatcher.dispatch(JobName.UserCreated, payload).catch((error: Error) => error)) as Error;
    expect(thrown.message).toBe("Can't send mail - all recipients were rejected: 550 <<address>>: unknown");
    expect(thrown.message).not.toContain('jan.jansen');
  });

  it('writes no event, and so no job, when the transaction rolls back', async () => {
    const userId = '11111111-1111-4111-8111-111111111111';
    const outbox = worker.get(OutboxRepository);
    await expect(
      t.dataSource.transaction(async (manager) => {
        await outbox.add(manager, JobName.UserCreated, { userId, organisationId: orgId });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');

    expect(await outboxRows(userId)).toHaveLength(0);
    expect(await relay.relayPending(0)).toBe(0);
    expect(await queuedJobs()).toHaveLength(0);
  });

  it('writes user.created with the user in one transaction, carrying ids only', async () => {
    const userId = await createUser();
    const [row] = await outboxRows(userId);
    expect(row.topic).toBe('user.created');
    expect(row.payload).toEqual({ userId, organisationId: orgId });

    await relay.relayPending();
    const [job] = await queuedJobs();
    expect(job.id).toBe(row.id); // the outbox id is the job id
    expect(Object.keys(job.data).sort()).toEqual(['organisationId', 'outboxId', 'userId']);
    await drain();
  });

  it('makes one job and one welcome notification when the relay runs twice over the same rows', async () => {
    const userId = await createUser();
    expect(await relay.relayPending()).toBe(1);
    expect(await relay.relayPending(0)).toBe(1); // treat it as lost: relayed again, same job id
    const [row] = await outboxRows(userId);
    expect(row.relay_count).toBe(2);
    expect(await queuedJobs()).toHaveLength(1);

    expect(await drain()).toBe(1);
    expect(await notifications.countByDedupeKey(`welcome:${userId}`)).toBe(1);
    const [processed] = await outboxRows(userId);
    expect(processed.processed_at).not.toBeNull();
    expect(await relay.relayPending(0)).toBe(0); // processed rows are never relayed again
  });

  it('runs the effect once when the handler is called twice for the same job', async () => {
    const userId = await createUser();
    await relay.relayPending();
    const [job] = await queuedJobs();
    await dispatcher.dispatch(JobName.UserCreated, job.data);
    await dispatcher.dispatch(JobName.UserCreated, job.data);
    await job.remove();
    expect(await notifications.countByDedupeKey(`welcome:${userId}`)).toBe(1);
  });

  it('relays undelivered rows again after Redis was flushed', async () => {
    const userId = await createUser();
    await relay.relayPending();
    expect(await queuedJobs()).toHaveLength(1);

    await clearRedis(t.redis); // everything of this test's queues gone, as after FLUSHALL
    expect(await queuedJobs()).toHaveLength(0);

    expect(await relay.relayPending()).toBe(0); // relayed moments ago: not yet considered lost
    expect(await relay.relayPending(0)).toBe(1); // past the redelivery delay: back in the queue
    expect(await drain()).toBe(1);
    expect(await notifications.countByDedupeKey(`welcome:${userId}`)).toBe(1);
  });

  it('runs a row again whose job BullMQ finished without the row being processed (failed, or completed before a crash)', async () => {
    const failedUser = await createUser();
    const completedUser = await createUser();
    await relay.relayPending();
    // One job fails for good (as after too many stalls when the worker was killed); the other
    // completes, but the process dies before the row is marked processed.
    const jobs = await queuedJobs();
    const failing = new Worker(
      QueueName.Notifications,
      async (job) => {
        if (job.data.userId === failedUser) throw new UnrecoverableError('worker killed too often');
      },
      { connection: redisOptionsFromUrl(process.env.REDIS_URL as string), prefix: process.env.REDIS_PREFIX },
    );
    const deadline = Date.now() + 10_000;
    while (Object.values(await queue().getJobCounts('failed', 'completed')).reduce((a, b) => a + b, 0) < jobs.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await failing.close();
    expect(await queuedJobs()).toHaveLength(0);

    expect(await relay.relayPending(0)).toBe(2); // both rows are unprocessed, so relayed again
    expect(await drain()).toBe(2); // and their jobs run, instead of being swallowed by the old ids
    for (const userId of [failedUser, completedUser]) {
      const [row] = await outboxRows(userId);
      expect(row.processed_at).not.toBeNull();
      expect(await notifications.countByDedupeKey(`welcome:${userId}`)).toBe(1);
    }
  });

  it('keeps the rows when the queue refuses them, and relays them later', async () => {
    const userId = await createUser();
    const add = jest.spyOn(queue(), 'addBulk').mockRejectedValueOnce(new Error('Redis is down'));
    await expect(relay.relayPending()).rejects.toThrow('Redis is down');
    add.mockRestore();
    const [row] = await outboxRows(userId);
    expect(row.relay_count).toBe(0);
    expect(await relay.relayPending()).toBe(1);
    await drain();
  });
});

describe('The job handler check at startup', () => {
  @Injectable()
  @HandlesJob(JobName.UserCreated)
  class SecondUserCreatedHandler {
    async handle(): Promise<void> {}
  }

  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('refuses to start when a job has no handler', async () => {
    const start = Test.createTestingModule({
      imports: [AppConfigModule, DatabaseModule, DiscoveryModule, OutboxModule],
      providers: [JobDispatcher],
    })
      .compile()
      .then((module) => module.init());
    await expect(start).rejects.toThrow('user.created: no handler');
  });

  it('refuses to start when a job has two handlers', async () => {
    const start = Test.createTestingModule({
      imports: [AppConfigModule, DatabaseModule, RedisModule, JobHandlersModule],
      providers: [SecondUserCreatedHandler],
    })
      .compile()
      .then((module) => module.init());
    await expect(start).rejects.toThrow(/user\.created: 2 handlers/);
  });
});

describe('The worker in the API process', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ withWorker: true, env: { OUTBOX_POLL_MS: '50' } })));
  afterAll(() => t.close());

  it('turns a created user into exactly one welcome notification, with no help', async () => {
    const { organisation } = await t.given.organisation();
    const user = await t.given.user(organisation.id, Role.Coordinator);
    const deadline = Date.now() + 10_000;
    let rows: Array<{ processed_at: Date | null }> = [];
    while (Date.now() < deadline) {
      rows = await t.dataSource.query(`SELECT processed_at FROM outbox_event WHERE payload->>'userId' = $1`, [user.id]);
      if (rows[0]?.processed_at) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(rows[0].processed_at).not.toBeNull();
    const [count] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'welcome'`, [user.id]);
    expect(count.n).toBe(1);
    const completed: Job[] = await t.app.get(Queues).get(QueueName.Notifications).getJobs(['failed']);
    expect(completed).toHaveLength(0);
  });
});
