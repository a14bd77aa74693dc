import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { AppConfig } from '@app/core';
import { postGuarded } from './guarded-post';
import { webhookUrlProblem } from './webhook-address';

export interface WebhookDelivery {
  url: string;
  secret: string;
  /** Sent as `Idempotency-Key`: the same message always carries the same key, so receivers can drop a repeat. */
  idempotencyKey: string;
  body: unknown;
}

export const SIGNATURE_HEADER = 'x-signature';
export const TIMESTAMP_HEADER = 'x-signature-timestamp';

/** `sha256=<hex>` of HMAC-SHA256(secret, `<timestamp>.<body>`): the timestamp is signed too, against replay. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Signed JSON POSTs to referral sources. The address is checked before connecting: a URL naming a
 * private address is refused, and `postGuarded` refuses a host name that resolves to one. A
 * receiver that hangs is cut off after WEBHOOK_TIMEOUT_MS; anything but a 2xx is an error, so the
 * job is retried with backoff.
 */
@Injectable()
export class WebhookChannel {
  constructor(private readonly config: AppConfig) {}

  async send(delivery: WebhookDelivery): Promise<void> {
    const allowed = this.config.webhooks.allowedPrivate;
    const problem = webhookUrlProblem(delivery.url, allowed);
    if (problem) throw new Error(`Webhook URL ${problem}`);
    const body = JSON.stringify(delivery.body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const { status, body: answer } = await postGuarded({
      url: new URL(delivery.url),
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'volunteer-match-feedback',
        'idempotency-key': delivery.idempotencyKey,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signWebhook(delivery.secret, timestamp, body),
      },
      body,
      allowed,
      timeoutMs: this.config.webhooks.timeoutMs,
      what: 'Webhook',
    });
    if (status < 200 || status >= 300) throw new Error(`Webhook answered HTTP ${status}: ${answer}`);
  }
}
