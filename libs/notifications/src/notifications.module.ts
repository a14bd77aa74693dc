import { Module } from '@nestjs/common';
import { I18nModule } from '@app/i18n';
import { OutboxModule } from '@app/outbox';
import { PushChannel } from './channels/push/push.channel';
import { PushSubscriptionRepository } from './channels/push/push-subscription.repository';
import { PushSubscriptionsService } from './channels/push/push-subscriptions.service';
import { VapidKeys } from './channels/push/vapid-keys';
import { PhoneRepository } from './channels/sms/phone.repository';
import { HttpSmsGateway, SMS_GATEWAY } from './channels/sms/sms-gateway';
import { SmsChannel } from './channels/sms/sms.channel';
import { DELIVERY_CHANNELS, DeliveryChannel } from './delivery/channel';
import { Clock } from './delivery/clock';
import { DELIVERY_HANDLERS } from './delivery/delivery.handlers';
import { DeliveryService } from './delivery/delivery.service';
import { EmailDeliveryChannel } from './delivery/email-delivery.channel';
import { NotificationDeliveryRepository } from './delivery/notification-delivery.repository';
import { Notifier } from './delivery/notifier.service';
import { EmailChannel } from './email.channel';
import { InboxService } from './inbox/inbox.service';
import { NotificationStream } from './inbox/notification-stream';
import { EmailRenderer } from './messages/email-renderer';
import { MessageComposer } from './messages/message-composer';
import { NotificationRepository } from './inbox/notification.repository';
import { UserCreatedHandler } from './inbox/user-created.handler';
import { PreferenceRepository } from './preferences/preference.repository';
import { PreferencesService } from './preferences/preferences.service';
import { WebhookChannel } from './webhook.channel';

/**
 * Notifications to people (the `notification` rows, written once per event, and one delivery per
 * channel each) and the channels to the outside world: email over SMTP, Web Push, SMS through a
 * gateway, and signed webhooks.
 */
@Module({
  imports: [I18nModule, OutboxModule],
  providers: [
    NotificationRepository,
    NotificationDeliveryRepository,
    PreferenceRepository,
    Notifier,
    Clock,
    MessageComposer,
    DeliveryService,
    ...DELIVERY_HANDLERS,
    UserCreatedHandler,
    EmailChannel,
    EmailRenderer,
    WebhookChannel,
    EmailDeliveryChannel,
    PushSubscriptionRepository,
    VapidKeys,
    PushSubscriptionsService,
    PushChannel,
    PhoneRepository,
    { provide: SMS_GATEWAY, useClass: HttpSmsGateway },
    SmsChannel,
    // Every channel a delivery can go out on.
    { provide: DELIVERY_CHANNELS, inject: [EmailDeliveryChannel, PushChannel, SmsChannel], useFactory: (...channels: DeliveryChannel[]) => channels },
  ],
  exports: [
    NotificationRepository,
    NotificationDeliveryRepository,
    PreferenceRepository,
    Notifier,
    Clock,
    MessageComposer,
    DeliveryService,
    EmailChannel,
    EmailRenderer,
    WebhookChannel,
    PushSubscriptionsService,
    PushChannel,
    SmsChannel,
    DELIVERY_CHANNELS,
  ],
})
export class NotificationsModule {}

/** The API's side: the inbox, its live stream (LISTEN on PostgreSQL) and the preferences. */
@Module({
  imports: [NotificationsModule],
  providers: [InboxService, NotificationStream, PreferencesService],
  exports: [InboxService, NotificationStream, PreferencesService],
})
export class NotificationInboxModule {}
