import { Inject, Injectable } from '@nestjs/common';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'; // the full metadata tells mobile numbers from landlines
import { ChannelName, DeliveryChannel, GoneError, PersonMessage, Recipient } from '../../delivery/channel';
import { PhoneRepository } from './phone.repository';
import { SMS_GATEWAY, SmsGateway } from './sms-gateway';

/** One SMS segment. */
export const SMS_LENGTH = 160;

/**
 * A phone number as typed in the Netherlands ("06 12345678") or abroad ("+32 …"), in E.164; null if
 * it is none, or a landline (which cannot receive a text).
 */
export function textableNumber(raw: string | null): string | null {
  const number = raw ? parsePhoneNumberFromString(raw, 'NL') : undefined;
  return number?.isValid() && number.getType() !== 'FIXED_LINE' ? number.number : null;
}

/**
 * The title and the link, in one segment: the title is shortened (with "...", which keeps the GSM
 * alphabet) when both do not fit. Nothing else: the text sits on a phone's lock screen.
 */
export function smsText(message: PersonMessage): string {
  const link = message.link ? ` ${message.link}` : '';
  const room = SMS_LENGTH - link.length;
  const title = message.title.length <= room ? message.title : `${message.title.slice(0, Math.max(room - 3, 0)).trimEnd()}...`;
  return `${title}${link}`;
}

/** Text messages through the configured gateway (off unless SMS_GATEWAY_URL is set). */
@Injectable()
export class SmsChannel implements DeliveryChannel {
  readonly name: ChannelName = 'sms';

  constructor(
    @Inject(SMS_GATEWAY) private readonly gateway: SmsGateway,
    private readonly phones: PhoneRepository,
  ) {}

  get configured(): boolean {
    return this.gateway.configured;
  }

  async reaches(recipient: Recipient): Promise<boolean> {
    return (await this.numberOf(recipient)) !== null;
  }

  async send(recipient: Recipient, message: PersonMessage, idempotencyKey: string): Promise<void> {
    const to = await this.numberOf(recipient);
    if (!to) throw new GoneError('The person has no phone number that can be texted');
    await this.gateway.send({ to, text: smsText(message), idempotencyKey });
  }

  /** Looked up here, like push subscriptions, so the number is the one stored at the time of sending. */
  private async numberOf(recipient: Recipient): Promise<string | null> {
    return textableNumber(await this.phones.phoneOf(recipient.organisationId, recipient.userId));
  }
}
