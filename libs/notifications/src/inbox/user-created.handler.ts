import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName, JobPayload } from '@app/outbox';
import { NotificationKind } from './notification.entity';
import { NotificationRepository } from './notification.repository';

/** `user.created` → one welcome notification per user (sending it comes with the email channel). */
@Injectable()
@HandlesJob(JobName.UserCreated)
export class UserCreatedHandler implements JobHandler<JobName.UserCreated> {
  constructor(private readonly notifications: NotificationRepository) {}

  async handle({ userId, organisationId }: JobPayload<JobName.UserCreated>): Promise<void> {
    await this.notifications.record(organisationId, userId, NotificationKind.Welcome, `welcome:${userId}`);
  }
}
