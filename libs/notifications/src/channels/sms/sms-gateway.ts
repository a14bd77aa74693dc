import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { PermanentDeliveryError } from '../../delivery/channel';

export interface TextMessage {
  /** International form: +31612345678. */
  to: string;
  text: string;
  /** The same on every attempt, so a gateway that honours it drops a repeat. */
  idempotencyKey: string;
}

/** Sends one text message; throws `PermanentDeliveryError` when retrying cannot help. */
export interface SmsGateway {
  readonly configured: boolean;
  send(message: TextMessage): Promise<void>;
}

export const SMS_GATEWAY = Symbol('SMS_GATEWAY');

/**
 * A generic HTTP gateway (SMS_GATEWAY_URL): a JSON POST `{to, from, text}` with the bearer token
 * SMS_GATEWAY_TOKEN, cut off after SMS_TIMEOUT_MS. A 2xx is sent; 408, 429 and 5xx are tried again
 * later; any other 4xx is the gateway refusing this message (a number it cannot text, a bad token)
 * and is not retried.
 */
@Injectable()
export class HttpSmsGateway implements SmsGateway {
  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return Boolean(this.config.sms.gatewayUrl);
  }

  async send(message: TextMessage): Promise<void> {
    const { gatewayUrl, token, from, timeoutMs } = this.config.sms;
    if (!gatewayUrl) throw new Error('SMS cannot be sent: SMS_GATEWAY_URL is not configured');
    let response: Response;
    try {
      response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to: message.to, from, text: message.text }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') throw new Error(`SMS gateway did not answer within ${timeoutMs} ms`);
      throw new Error(`SMS gateway could not be reached: ${(error as Error).message}`);
    }
    if (response.ok) return;
    // Gateways echo the request in error bodies: keep the status only, never the number.
    await response.body?.cancel();
    const status = response.status;
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new PermanentDeliveryError(`SMS gateway refused the message (HTTP ${status})`);
    throw new Error(`SMS gateway answered HTTP ${status}`);
  }
}
