import { HttpStatus, Injectable } from '@nestjs/common';
import { createECDH } from 'node:crypto';
import { AppConfig, AppError, NotFoundError, Principal, ValidationFailedError } from '@app/core';
import { pushEndpointProblem } from './push-endpoint';
import { PushSubscriptionRepository, PushSubscriptionView } from './push-subscription.repository';
import { VapidKeys } from './vapid-keys';

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

const fieldError = (field: string, message: string) => new ValidationFailedError(message, [{ field, errors: [message] }]);

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
    if (!details) throw new AppError(HttpStatus.SERVICE_UNAVAILABLE, 'push_not_configured', 'Push messages are not set up on this server');
    return details.publicKey;
  }

  async subscribe(actor: Principal, input: PushSubscriptionInput): Promise<PushSubscriptionView> {
    this.publicKey(); // a subscription made without our key cannot be used
    const problem = pushEndpointProblem(input.endpoint, this.config.push.allowedPrivate);
    if (problem) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'push_endpoint_not_allowed', `endpoint ${problem}`);
    if (!isP256PublicKey(input.keys.p256dh)) throw fieldError('keys.p256dh', 'keys.p256dh must be a P-256 public key (65 bytes, base64url)');
    if (Buffer.from(input.keys.auth, 'base64url').length !== 16) throw fieldError('keys.auth', 'keys.auth must be 16 bytes in base64url');
    return this.subscriptions.upsert(actor.organisationId, actor.userId, { endpoint: input.endpoint, ...input.keys, userAgent: input.userAgent ?? null });
  }

  list(actor: Principal): Promise<PushSubscriptionView[]> {
    return this.subscriptions.list(actor.organisationId, actor.userId);
  }

  async remove(actor: Principal, id: string): Promise<void> {
    if (!(await this.subscriptions.deleteOwn(actor.organisationId, actor.userId, id))) throw new NotFoundError('Push subscription', id);
  }
}
