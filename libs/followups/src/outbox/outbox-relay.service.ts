import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { Queues } from '../queue/queue.module';
import { isJobName, JOB_QUEUE, QueueName } from '../queue/queue-names';
import { ClaimedEvent, OutboxRepository } from './outbox.repository';

const BATCH_SIZE = 200;

/**
 * Moves outbox rows into BullMQ, with the outbox id as the job id: BullMQ ignores an add whose id
 * it already holds, so relaying a row twice never makes two jobs. Runs in the worker.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = true;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly queues: Queues,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stop polling and let a pass in progress finish, so no claim is left half done. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: relays until nothing is left to claim. Returns how many rows were relayed. */
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

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relayPending()
        .then((n) => this.schedule(n > 0 ? 0 : this.config.worker.outboxPollMs))
        .catch((error: unknown) => {
          this.logger.error(`Outbox relay pass failed; retrying: ${(error as Error).message}`);
          this.schedule(this.config.worker.outboxPollMs * 4);
        });
    }, delayMs);
  }
}
