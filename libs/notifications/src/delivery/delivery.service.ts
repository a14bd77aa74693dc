import { Inject, Injectable, Logger } from '@nestjs/common';
import { I18nService } from '@app/i18n';
import { EmailChannel } from '../email.channel';
import { EmailRenderer } from '../messages/email-renderer';
import { MessageComposer } from '../messages/message-composer';
import { DELIVERY_CHANNELS, DeliveryChannel, PermanentDeliveryError } from './channel';
import { Clock } from './clock';
import { NotificationDeliveryRepository } from './notification-delivery.repository';

/**
 * Sends deliveries. Each attempt is counted before sending, the recipient and the notification are
 * reloaded from PostgreSQL and put into the recipient's language, and the channel called; a failure
 * is recorded and rethrown so BullMQ retries with backoff, until `max_attempts` makes it `failed`.
 * A delivery that was sent is never sent again.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly composer: MessageComposer,
    private readonly clock: Clock,
    @Inject(DELIVERY_CHANNELS) private readonly channels: DeliveryChannel[],
    private readonly email: EmailChannel,
    private readonly renderer: EmailRenderer,
    private readonly i18n: I18nService,
  ) {}

  async deliver(id: string): Promise<void> {
    const target = await this.deliveries.startAttempt(id, this.clock.now());
    if (!target) {
      await this.deliveries.failExhausted(id);
      await this.deliveries.rescheduleIfHeld(id);
      return; // sent, failed, skipped, still held (a later job is scheduled), or unknown
    }
    const { delivery, notification, recipient } = target;
    const channel = this.channels.find((c) => c.name === delivery.channel);
    const unreachable = !recipient.active
      ? 'The person is no longer active'
      : !channel?.configured
        ? `The ${delivery.channel} channel is not configured`
        : !(await channel.reaches(recipient))
          ? `The person has no ${delivery.channel} address`
          : null;
    if (!channel || unreachable) {
      await this.deliveries.markSkipped([id], unreachable ?? 'No such channel');
      return;
    }
    try {
      await channel.send(recipient, this.composer.compose(notification, recipient), delivery.id);
    } catch (error) {
      const reason = (error as Error).message;
      const again = await this.deliveries.recordFailure(id, reason, error instanceof PermanentDeliveryError);
      this.logger.warn(`Delivery ${id} (${notification.kind} by ${delivery.channel}, attempt ${delivery.attempts}) failed${again ? ', will retry' : ', giving up'}: ${reason}`);
      if (again) throw error;
      return;
    }
    await this.deliveries.markSent(id, notification.id);
  }

  /**
   * The daily digest of one person at `at`: one email listing what is still unread of their digest
   * kinds; what they read in the app meanwhile is skipped. At least once, like every email.
   */
  async sendDigest(userId: string, at: Date): Promise<void> {
    const items = await this.deliveries.claimDigest(userId, at);
    if (items.length === 0) return;
    const read = items.filter((i) => i.notification.readAt);
    if (read.length > 0) await this.deliveries.markSkipped(read.map((i) => i.deliveryId), 'Read in the app before the digest');
    const unread = items.filter((i) => !i.notification.readAt);
    if (unread.length === 0) return;
    const ids = unread.map((i) => i.deliveryId);
    const recipient = await this.deliveries.recipient(userId);
    if (!recipient?.active || !this.email.configured || !recipient.email) {
      await this.deliveries.markSkipped(ids, !this.email.configured ? 'The email channel is not configured' : 'The person has no email address');
      return;
    }
    const { locale } = recipient;
    const content = this.renderer.render({
      locale,
      recipientName: recipient.name,
      organisationName: recipient.organisationName,
      title: this.i18n.t(locale, 'notification.digest.title', { number: unread.length }),
      paragraphs: unread.map((i) => this.composer.compose(i.notification, recipient).title),
      link: this.composer.link('/notifications'),
      action: this.i18n.t(locale, 'notification.digest.action'),
    });
    try {
      await this.email.send({ to: recipient.email, ...content, idempotencyKey: `digest-${userId}-${at.getTime()}` });
    } catch (error) {
      if (await this.deliveries.recordDigestFailure(ids, (error as Error).message)) throw error;
      return;
    }
    await this.deliveries.markDigestSent(ids);
  }
}
