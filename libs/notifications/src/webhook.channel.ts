import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { AppConfig } from '@app/core';
import { isAllowedAddress, webhookUrlProblem } from './webhook-address';

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
 * private address is refused, and a host name is resolved here and refused if it resolves to one
 * (so DNS cannot point a public name at an internal service). A receiver that hangs is cut off
 * after WEBHOOK_TIMEOUT_MS; anything but a 2xx is an error, so the job is retried with backoff.
 */
@Injectable()
export class WebhookChannel {
  constructor(private readonly config: AppConfig) {}

  async send(delivery: WebhookDelivery): Promise<void> {
    const allowed = this.config.webhooks.allowedPrivate;
    const problem = webhookUrlProblem(delivery.url, allowed);
    if (problem) throw new Error(`Webhook URL ${problem}`);
    const url = new URL(delivery.url);
    const body = JSON.stringify(delivery.body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const hostAllowed = allowed.includes(url.hostname.toLowerCase());
    const guardedLookup: LookupFunction = (hostname, options, callback) => {
      lookup(hostname, { ...options, all: true }, (error, addresses) => {
        if (error) return callback(error, '', 0);
        const usable = addresses.find((a) => hostAllowed || isAllowedAddress(a.address, allowed));
        if (!usable) return callback(new Error(`Webhook host ${hostname} resolves to a private or reserved address`), '', 0);
        if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, [usable]);
        callback(null, usable.address, usable.family);
      });
    };
    const client = url.protocol === 'https:' ? https : http;
    await new Promise<void>((resolve, reject) => {
      const request = client.request(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'volunteer-match-feedback',
            'idempotency-key': delivery.idempotencyKey,
            [TIMESTAMP_HEADER]: timestamp,
            [SIGNATURE_HEADER]: signWebhook(delivery.secret, timestamp, body),
          },
          lookup: isIP(url.hostname) ? undefined : guardedLookup,
          signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.length < 16 && chunks.push(chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) return resolve();
            reject(new Error(`Webhook answered HTTP ${status}: ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`));
          });
          response.on('error', reject);
        },
      );
      request.on('error', (error: Error) =>
        reject(error.name === 'AbortError' || error.name === 'TimeoutError' ? new Error(`Webhook did not answer within ${this.config.webhooks.timeoutMs} ms`) : error),
      );
      request.end(body);
    });
  }
}
