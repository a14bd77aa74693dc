import { HttpStatus, Injectable } from '@nestjs/common';
import { createECDH } from 'node:crypto';
import { AppConfig, AppError, NotFoundError, Principal, ValidationFailedError } from '@app/core';
import { pushEndpointProblem } from './push-endpoint';
import { PushSubscriptionRepository, PushSubscriptionView } from './push-subscription.repository';
import { VapidKeys } from './vapid-keys';
import { phrase } from '@app/i18n';

export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  userAgent?: string;
}

/** A P-256 public key as browsers give it: an uncompressed point (65 bytes) on the curve. */
function isP256PublicKey(raw: string): boolean {
  const point = Buffer.from(raw, 'base64url');
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    ecdh.computeSecret(point); // throws for a point not on the curve
    return point.length === 65;
  } catch {
    return false;
  }
}

const fieldError = (field: string, constraint: 'isP256PublicKey' | 'isPushAuthSecret') => {
  const text = phrase(`validation.${constraint}`, { field });
  return new ValidationFailedError(text, [{ field, errors: [text], constraints: [constraint] }]);
};

/** A person's own push subscriptions (any role), and the public key the portal subscribes with. */
@Injectable()
export class PushSubscriptionsService {
  constructor(
    private readonly config: AppConfig,
    private readonly keys: VapidKeys,
    private readonly subscriptions: PushSubscriptionRepository,
  ) {}

  publicKey(): string {
    const details = this.keys.current;
    if (!details) throw new AppError(HttpStatus.SERVICE_UNAVAILABLE, 'push_not_configured');
    return details.publicKey;
  }

  async subscribe(actor: Principal, input: PushSubscriptionInput): Promise<PushSubscriptionView> {
    this.publicKey(); // a subscription made without our key cannot be used
    const problem = pushEndpointProblem(input.endpoint, this.config.push.allowedPrivate);
    if (problem) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'push_endpoint_not_allowed', undefined, { problem });
    if (!isP256PublicKey(input.keys.p256dh)) throw fieldError('keys.p256dh', 'isP256PublicKey');
    if (Buffer.from(input.keys.auth, 'base64url').length !== 16) throw fieldError('keys.auth', 'isPushAuthSecret');
    return this.subscriptions.upsert(actor.organisationId, actor.userId, { endpoint: input.endpoint, ...input.keys, userAgent: input.userAgent ?? null });
  }

  list(actor: Principal): Promise<PushSubscriptionView[]> {
    return this.subscriptions.list(actor.organisationId, actor.userId);
  }

  async remove(actor: Principal, id: string): Promise<void> {
    if (!(await this.subscriptions.deleteOwn(actor.organisationId, actor.userId, id))) throw new NotFoundError('Push subscription', id);
  }
}
