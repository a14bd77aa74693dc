import { Module } from '@nestjs/common';
import { I18nModule } from '@app/i18n';
import { PushChannel } from './channels/push/push.channel';
import { PushSubscriptionRepository } from './channels/push/push-subscription.repository';
import { PushSubscriptionsService } from './channels/push/push-subscriptions.service';
import { VapidKeys } from './channels/push/vapid-keys';
import { PhoneRepository } from './channels/sms/phone.repository';
import { HttpSmsGateway, SMS_GATEWAY } from './channels/sms/sms-gateway';
import { SmsChannel } from './channels/sms/sms.channel';
import { DELIVERY_CHANNELS, DeliveryChannel } from './delivery/channel';
import { EmailChannel } from './email.channel';
import { EmailRenderer } from './messages/email-renderer';
import { NotificationRepository } from './inbox/notification.repository';
import { UserCreatedHandler } from './inbox/user-created.handler';
import { WebhookChannel } from './webhook.channel';

/**
 * Notifications to people (the `notification` rows, written once per event) and the delivery
 * channels to the outside world: email over SMTP, Web Push, SMS through a gateway, and signed
 * webhooks.
 */
@Module({
  imports: [I18nModule],
  providers: [
    NotificationRepository,
    UserCreatedHandler,
    EmailChannel,
    EmailRenderer,
    WebhookChannel,
    PushSubscriptionRepository,
    VapidKeys,
    PushSubscriptionsService,
    PushChannel,
    PhoneRepository,
    { provide: SMS_GATEWAY, useClass: HttpSmsGateway },
    SmsChannel,
    { provide: DELIVERY_CHANNELS, useFactory: (...channels: DeliveryChannel[]) => channels, inject: [PushChannel, SmsChannel] },
  ],
  exports: [NotificationRepository, EmailChannel, EmailRenderer, WebhookChannel, PushSubscriptionsService, PushChannel, SmsChannel, DELIVERY_CHANNELS],
})
export class NotificationsModule {}
