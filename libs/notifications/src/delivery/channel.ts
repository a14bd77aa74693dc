import type { Locale } from '@app/i18n';

/** The ways a notification reaches a person besides the in-app inbox. */
export const CHANNEL_NAMES = ['email', 'push', 'sms'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Who a delivery goes to, as the channels need them (loaded fresh from PostgreSQL per attempt). */
export interface Recipient {
  userId: string;
  organisationId: string;
  organisationName: string;
  name: string;
  email: string;
  phone: string | null;
  locale: Locale;
}

/**
 * One notification, already in the recipient's language. It names a client by first name at most,
 * and links to the portal page where the rest can be seen after logging in.
 */
export interface PersonMessage {
  notificationId: string;
  kind: string;
  urgent: boolean;
  title: string;
  body: string;
  /** Absolute: PUBLIC_URL + the portal path. */
  link: string | null;
  /** Label of the link, e.g. "Bekijk het aanbod". */
  action?: string;
}

/**
 * A delivery channel. `send` throws on failure so the delivery job records the error and BullMQ
 * retries it; a `PermanentDeliveryError` must not be retried: `GoneError` says the address is gone
 * for good (a push subscription answered 404/410), others that the receiver refused the message
 * itself (an SMS gateway's 4xx: a number it cannot text), where trying again cannot help.
 */
export interface DeliveryChannel {
  readonly name: ChannelName;
  /** Whether this channel is set up at all (SMTP host, VAPID keys, SMS gateway). */
  readonly configured: boolean;
  /** Whether the person can be reached this way (an email address, a push subscription, a phone). */
  reaches(recipient: Recipient): Promise<boolean>;
  /** Sends; the idempotency key is the delivery id, the same on every attempt. */
  send(recipient: Recipient, message: PersonMessage, idempotencyKey: string): Promise<void>;
}

/** Nest injection token for the list of every DeliveryChannel. */
export const DELIVERY_CHANNELS = Symbol('DELIVERY_CHANNELS');

export class PermanentDeliveryError extends Error {}

export class GoneError extends PermanentDeliveryError {}
