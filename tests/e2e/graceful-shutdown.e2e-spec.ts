import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfigModule, redisOptionsFromUrl, RedisModule } from '@app/core';
import { DatabaseModule } from '@app/database';
import { HandlesJob, JobName, JobPayload, QueueName } from '@app/outbox';
import { NotificationKind, Notifier, UserCreatedHandler } from '@app/notifications';
import { Queue } from 'bullmq';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { startTestApp, TestApp } from '../support/test-app';

/** A user.created handler that takes its time, so shutdown finds it active. */
@Injectable()
@HandlesJob(JobName.UserCreated)
class SlowUserCreatedHandler {
  static started = 0;
  constructor(private readonly notifier: Notifier) {}

  async handle({ userId, organisationId }: JobPayload<JobName.UserCreated>): Promise<void> {
    SlowUserCreatedHandler.started++;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await this.notifier.notify(organisationId, userId, NotificationKind.Welcome, `welcome:${userId}`);
  }
}

describe('Graceful shutdown of the worker', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { OUTBOX_POLL_MS: '50' } })));
  afterAll(() => t.close());

  it('lets the active job finish before it stops, and the job ends completed', async () => {
    const worker = await Test.createTestingModule({ imports: [AppConfigModule, DatabaseModule, RedisModule, WorkerModule] })
      .overrideProvider(UserCreatedHandler)
      .useClass(SlowUserCreatedHandler)
      .compile();
    await worker.init();
    const { organisation } = await t.given.organisation();
    const deadline = Date.now() + 10_000;
    while (SlowUserCreatedHandler.started === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(SlowUserCreatedHandler.started).toBe(1);
    const [{ id: userId }] = await t.dataSource.query(`SELECT id FROM app_user WHERE organisation_id = $1`, [organisation.id]);
    const [{ id: outboxId }] = await t.dataSource.query(`SELECT id FROM outbox_event WHERE payload->>'userId' = $1`, [userId]);

    await worker.close(); // what SIGTERM does

    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [userId]);
    expect(n).toBe(1);
    const [row] = await t.dataSource.query(`SELECT processed_at FROM outbox_event WHERE id = $1`, [outboxId]);
    expect(row.processed_at).not.toBeNull();
    const queue = new Queue(QueueName.Notifications, { connection: redisOptionsFromUrl(process.env.REDIS_URL as string), prefix: process.env.REDIS_PREFIX });
    try {
      expect(await queue.getJobState(outboxId)).toBe('completed');
    } finally {
      await queue.close();
    }
  });
});
