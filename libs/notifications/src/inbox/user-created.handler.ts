import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName, JobPayload } from '@app/outbox';
import { Notifier } from '../delivery/notifier.service';
import { NotificationKind } from './notification.entity';

/** `user.created` → one welcome notification per user. */
@Injectable()
@HandlesJob(JobName.UserCreated)
export class UserCreatedHandler implements JobHandler<JobName.UserCreated> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ userId, organisationId }: JobPayload<JobName.UserCreated>): Promise<void> {
    await this.notifier.notify(organisationId, userId, NotificationKind.Welcome, `welcome:${userId}`, { path: '/' });
  }
}
