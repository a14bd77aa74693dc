import { Module } from '@nestjs/common';
import { EmailChannel } from './email.channel';
import { NotificationRepository } from './inbox/notification.repository';
import { UserCreatedHandler } from './inbox/user-created.handler';
import { WebhookChannel } from './webhook.channel';

/**
 * Notifications to people (the `notification` rows, written once per event) and the delivery
 * channels to the outside world: email over SMTP and signed webhooks.
 */
@Module({
  providers: [NotificationRepository, UserCreatedHandler, EmailChannel, WebhookChannel],
  exports: [NotificationRepository, EmailChannel, WebhookChannel],
})
export class NotificationsModule {}
