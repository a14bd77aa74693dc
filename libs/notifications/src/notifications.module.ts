import { Module } from '@nestjs/common';
import { EmailChannel } from './email.channel';
import { WebhookChannel } from './webhook.channel';

/** Delivery channels to the outside world: email over SMTP and signed webhooks. */
@Module({
  providers: [EmailChannel, WebhookChannel],
  exports: [EmailChannel, WebhookChannel],
})
export class NotificationsModule {}
