import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { generateVAPIDKeys } from 'web-push';
import { AppConfig } from '@app/core';
import { PushSubscriptionRepository } from './push-subscription.repository';

export interface VapidDetails {
  subject: string;
  publicKey: string;
  privateKey: string;
}

/** Used with generated keys: push services only need a well-formed contact for development. */
const DEVELOPMENT_SUBJECT = 'mailto:no-reply@localhost';

/**
 * The VAPID key pair push messages are signed with: from the environment; else, in development and
 * tests, generated once and kept in PostgreSQL (stable across restarts, the same for the API and
 * the worker); else (production without keys) none, and push is off.
 */
@Injectable()
export class VapidKeys implements OnModuleInit {
  private readonly logger = new Logger('Push');
  private details: VapidDetails | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly subscriptions: PushSubscriptionRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    const { publicKey, privateKey, subject } = this.config.push;
    if (publicKey && privateKey && subject) {
      this.details = { subject, publicKey, privateKey };
    } else if (this.config.nodeEnv === 'production') {
      this.logger.warn('Web Push is off: set VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT to turn it on');
    } else {
      const pair = await this.subscriptions.vapidKeyPair(() => generateVAPIDKeys());
      if (pair.created) this.logger.log(`Generated a VAPID key pair for ${this.config.nodeEnv} and stored it in PostgreSQL (public key ${pair.publicKey})`);
      this.details = { subject: DEVELOPMENT_SUBJECT, publicKey: pair.publicKey, privateKey: pair.privateKey };
    }
  }

  /** Null when push is not configured. */
  get current(): VapidDetails | null {
    return this.details;
  }
}
