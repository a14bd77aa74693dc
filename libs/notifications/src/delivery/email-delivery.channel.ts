import { Injectable } from '@nestjs/common';
import { EmailChannel } from '../email.channel';
import { EmailRenderer } from '../messages/email-renderer';
import { DeliveryChannel, PersonMessage, Recipient } from './channel';

/** Notifications by email: the one layout (HTML + text) around the message, linking to the portal. */
@Injectable()
export class EmailDeliveryChannel implements DeliveryChannel {
  readonly name = 'email' as const;

  constructor(
    private readonly email: EmailChannel,
    private readonly renderer: EmailRenderer,
  ) {}

  get configured(): boolean {
    return this.email.configured;
  }

  async reaches(recipient: Recipient): Promise<boolean> {
    return Boolean(recipient.email);
  }

  async send(recipient: Recipient, message: PersonMessage, idempotencyKey: string): Promise<void> {
    const content = this.renderer.render({
      locale: recipient.locale,
      recipientName: recipient.name,
      organisationName: recipient.organisationName,
      title: message.title,
      paragraphs: [message.body],
      link: message.link,
      action: message.action,
    });
    await this.email.send({ to: recipient.email, ...content, idempotencyKey });
  }
}
