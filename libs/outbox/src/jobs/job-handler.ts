import { SetMetadata } from '@nestjs/common';
import { JobName, JobPayload } from '../queue/queue-names';

export const JOB_HANDLER_METADATA = 'volunteer-match:job-handler';

/** Marks a provider as the one handler of a job. Handlers must be idempotent and rethrow on failure. */
export const HandlesJob = (name: JobName): ClassDecorator => SetMetadata(JOB_HANDLER_METADATA, name);

export interface JobHandler<J extends JobName = JobName> {
  handle(payload: JobPayload<J>): Promise<void>;
}
