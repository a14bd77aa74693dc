import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { isJobName, JobDispatcher, QueueName } from '@app/followups';

/**
 * Consumes the notifications queue. Errors propagate so BullMQ retries with backoff;
 * after the last attempt the job stays in the failed set, visible.
 */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (!isJobName(job.name)) throw new Error(`Unknown job ${job.name} on ${QueueName.Notifications}`);
    await this.dispatcher.dispatch(job.name, job.data);
  }
}
