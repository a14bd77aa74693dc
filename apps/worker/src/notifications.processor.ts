import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { AppConfig } from '@app/core';
import { isJobName, JobDispatcher, QueueName } from '@app/followups';

/**
 * Consumes the notifications queue. Errors propagate so BullMQ retries with backoff;
 * after the last attempt the job stays in the failed set, visible.
 */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends WorkerHost implements OnApplicationBootstrap {
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
    if (!isJobName(job.name)) throw new Error(`Unknown job ${job.name} on ${QueueName.Notifications}`);
    await this.dispatcher.dispatch(job.name, job.data);
  }
}
