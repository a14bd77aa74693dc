import { Injectable } from '@nestjs/common';
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
    for (const [queue, batch] of byQueue) {
      await this.queues.get(queue).addBulk(
        batch.map((event) => ({ name: event.topic, data: { ...event.payload, outboxId: event.id }, opts: { jobId: event.id } })),
      );
    }
  }
}
