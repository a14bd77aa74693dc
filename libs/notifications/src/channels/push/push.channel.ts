import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { generateRequestDetails, RequestOptions } from 'web-push';
import { AppConfig } from '@app/core';
import { ChannelName, DeliveryChannel, GoneError, PersonMessage, Recipient } from '../../delivery/channel';
import { postGuarded } from '../../guarded-post';
import { pushEndpointProblem } from './push-endpoint';
import { PushSubscriptionRepository, StoredPushSubscription } from './push-subscription.repository';
import { VapidKeys } from './vapid-keys';

/** What the portal's service worker receives (decrypted): no client data beyond what the title and body carry. */
export interface PushPayload {
  title: string;
  body: string;
  url: string | null;
  urgent: boolean;
  /** The notification id: a retry replaces the shown notification instead of adding a second one. */
  tag: string;
}

const TIMEOUT_MS = 10_000;
/** An urgent message (a vigil tonight) wakes the phone; past a few hours the offer page and inbox carry it. */
const URGENT = { urgency: 'high', TTL: 6 * 3600 } as const;
const NORMAL = { urgency: 'normal', TTL: 24 * 3600 } as const;
/** Push services accept 4 KB of encrypted payload; the body is cut well before. */
const MAX_BODY = 1000;

/**
 * Web Push (RFC 8030/8291/8292) to every browser the person subscribed, signed with the VAPID key.
 * Requests are made here (`postGuarded`) rather than by `web-push`, so a stored endpoint is checked
 * against internal addresses at each send, as webhooks are.
 */
@Injectable()
export class PushChannel implements DeliveryChannel {
  readonly name: ChannelName = 'push';

  constructor(
    private readonly config: AppConfig,
    private readonly keys: VapidKeys,
    private readonly subscriptions: PushSubscriptionRepository,
  ) {}

  get configured(): boolean {
    return this.keys.current !== null;
  }

  reaches(recipient: Recipient): Promise<boolean> {
    return this.subscriptions.exists(recipient.organisationId, recipient.userId);
  }

  /**
   * Sends to each subscription. A gone one (404/410) is deleted and does not fail the others; if
   * every one was gone, `GoneError`. Any other failure throws after all were tried, so the job is
   * retried (the tag and the Topic header keep a repeat from showing twice).
   */
  async send(recipient: Recipient, message: PersonMessage, idempotencyKey: string): Promise<void> {
    const vapid = this.keys.current;
    if (!vapid) throw new Error('Push cannot be sent: VAPID keys are not configured');
    const subscriptions = await this.subscriptions.forSending(recipient.organisationId, recipient.userId);
    if (subscriptions.length === 0) throw new GoneError('The person has no push subscription left');
    const payload: PushPayload = { title: message.title, body: message.body.slice(0, MAX_BODY), url: message.link, urgent: message.urgent, tag: message.notificationId };
    const options: RequestOptions = {
      vapidDetails: vapid,
      ...(message.urgent ? URGENT : NORMAL),
      // Replaces an undelivered copy of the same message at the push service (at most 32 base64url characters).
      topic: createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 32),
    };
    const outcomes = await Promise.allSettled(subscriptions.map((subscription) => this.sendOne(recipient.organisationId, subscription, JSON.stringify(payload), options)));
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed.length > 0) throw new Error(`Push failed for ${failed.length} of ${subscriptions.length} subscriptions: ${(failed[0].reason as Error).message}`);
    if (outcomes.every((o) => o.status === 'fulfilled' && o.value === 'gone')) throw new GoneError('Every push subscription of the person is gone');
  }

  private async sendOne(organisationId: string, subscription: StoredPushSubscription, payload: string, options: RequestOptions): Promise<'sent' | 'gone'> {
    const allowed = this.config.push.allowedPrivate;
    const problem = pushEndpointProblem(subscription.endpoint, allowed);
    if (problem) throw new Error(`Push endpoint ${problem}`);
    const details = generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, options);
    const url = new URL(details.endpoint);
    const { status } = await postGuarded({ url, headers: details.headers, body: details.body as Buffer, allowed, timeoutMs: TIMEOUT_MS, what: 'Push service' });
    if (status === 404 || status === 410) {
      await this.subscriptions.deleteGone(organisationId, subscription.id);
      return 'gone';
    }
    // The host only: the rest of an endpoint identifies the person's browser.
    if (status < 200 || status >= 300) throw new Error(`Push service ${url.host} answered HTTP ${status}`);
    return 'sent';
  }
}
