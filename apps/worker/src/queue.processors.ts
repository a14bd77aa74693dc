import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { AppConfig } from '@app/core';
import { isJobName, JOB_QUEUE, JobDispatcher, QueueName } from '@app/outbox';

/**
 * Consumes one queue by handing each job to its handler. Errors propagate so BullMQ retries with
 * backoff; after the last attempt the job stays in the failed set, visible.
 */
@Injectable()
abstract class DispatchingProcessor extends WorkerHost implements OnApplicationBootstrap {
  protected abstract readonly queue: QueueName;

  constructor(
    private readonly dispatcher: JobDispatcher,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  async process(job: Job): Promise<void> {
    if (!isJobName(job.name) || JOB_QUEUE[job.name] !== this.queue) throw new Error(`Unknown job ${job.name} on ${this.queue}`);
    await this.dispatcher.dispatch(job.name, job.data);
  }
}

@Processor(QueueName.Notifications)
export class NotificationsProcessor extends DispatchingProcessor {
  protected readonly queue = QueueName.Notifications;
}

@Processor(QueueName.Vigil)
export class VigilProcessor extends DispatchingProcessor {
  protected readonly queue = QueueName.Vigil;
}

@Processor(QueueName.Feedback)
export class FeedbackProcessor extends DispatchingProcessor {
  protected readonly queue = QueueName.Feedback;
}

/** One processor per queue: a queue without one would fill up unseen. */
export const QUEUE_PROCESSORS = [NotificationsProcessor, VigilProcessor, FeedbackProcessor];
