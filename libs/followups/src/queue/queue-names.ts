/**
 * Every queue and job of the service, in one place. Payloads carry ids only: a handler reloads what
 * it needs from PostgreSQL, so no name, email or diagnosis is ever stored in Redis.
 */
export enum QueueName {
  Notifications = 'notifications',
}

/** Job names double as outbox topics: an outbox row with topic X becomes a job named X. */
export enum JobName {
  UserCreated = 'user.created',
}

interface OutboxRef {
  /** The outbox row that produced this job; also the BullMQ job id. */
  outboxId: string;
}

export interface EventPayloads {
  [JobName.UserCreated]: { userId: string; organisationId: string };
}

export type JobPayload<J extends JobName> = EventPayloads[J] & OutboxRef;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.UserCreated]: QueueName.Notifications,
};

/** Defaults for every job: retried with exponential backoff; finished jobs go, failed ones stay visible. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: false,
};

export function isJobName(name: string): name is JobName {
  return (Object.values(JobName) as string[]).includes(name);
}
