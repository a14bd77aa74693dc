import { Module } from '@nestjs/common';
import { I18nModule } from '@app/i18n';
import { EmailChannel } from './email.channel';
import { EmailRenderer } from './messages/email-renderer';
import { NotificationRepository } from './inbox/notification.repository';
import { UserCreatedHandler } from './inbox/user-created.handler';
import { WebhookChannel } from './webhook.channel';

/**
 * Notifications to people (the `notification` rows, written once per event) and the delivery
 * channels to the outside world: email over SMTP and signed webhooks.
 */
@Module({
  imports: [I18nModule],
  providers: [NotificationRepository, UserCreatedHandler, EmailChannel, EmailRenderer, WebhookChannel],
  exports: [NotificationRepository, EmailChannel, EmailRenderer, WebhookChannel],
})
export class NotificationsModule {}
