import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@app/core';
import { Queues } from '../queue/queue.module';
import { isJobName, JOB_QUEUE, QueueName } from '../queue/queue-names';
import { ClaimedEvent, OutboxRepository } from './outbox.repository';

const BATCH_SIZE = 200;

/**
 * Moves outbox rows into BullMQ, with the outbox id as the job id: BullMQ ignores an add whose id
 * it already holds, so relaying a row twice never makes two jobs. The worker calls it in a loop.
 */
@Injectable()
export class OutboxRelayService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly queues: Queues,
    private readonly config: AppConfig,
  ) {}

  /** Relays until nothing is left to claim; returns how many rows were handed to the queue. */
  async relayPending(redeliverAfterSeconds = this.config.worker.outboxRedeliverAfterSeconds): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.outbox.relayBatch(BATCH_SIZE, redeliverAfterSeconds, (events) => this.enqueue(events));
      total += n;
      if (n < BATCH_SIZE) return total;
    }
  }

  private async enqueue(events: ClaimedEvent[]): Promise<void> {
    const byQueue = new Map<QueueName, ClaimedEvent[]>();
    for (const event of events) {
      if (!isJobName(event.topic)) throw new Error(`Outbox event ${event.id} has unknown topic ${event.topic}`);
      const queue = JOB_QUEUE[event.topic];
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), event]);
    }
    for (const [name, batch] of byQueue) {
      const queue = this.queues.get(name);
      for (const event of batch) if (event.relay_count > 0) await this.clearFinishedJob(queue, event.id);
      await queue.addBulk(batch.map((event) => ({ name: event.topic, data: { ...event.payload, outboxId: event.id }, opts: { jobId: event.id } })));
    }
  }

  /**
   * A row relayed again is not processed, yet BullMQ may still keep its job as finished: failed
   * (out of attempts, or stalled too often because the worker was killed) or completed (the
   * worker died between the handler and marking the row). BullMQ ignores an add whose id it holds,
   * so such a job is removed first and the row's job runs again (handlers are idempotent).
   * A job still waiting, delayed or active is left alone.
   */
  private async clearFinishedJob(queue: Queue, id: string): Promise<void> {
    const job = await queue.getJob(id);
    if (!job) return;
    const state = await job.getState();
    if (state === 'failed' || state === 'completed') await job.remove();
  }
}
