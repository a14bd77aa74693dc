import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName, JobPayload } from '@app/outbox';
import { CredentialExpiryScanHandler } from './credential-expiry.handler';
import { DeliveryService } from './delivery.service';

/** `notification.deliver` → one attempt of one delivery. */
@Injectable()
@HandlesJob(JobName.NotificationDeliver)
export class NotificationDeliverHandler implements JobHandler<JobName.NotificationDeliver> {
  constructor(private readonly deliveries: DeliveryService) {}

  async handle({ deliveryId }: JobPayload<JobName.NotificationDeliver>): Promise<void> {
    await this.deliveries.deliver(deliveryId);
  }
}

/** `notification.deliver-urgent`: the same, on the vigil queue, so it never waits behind bulk. */
@Injectable()
@HandlesJob(JobName.NotificationDeliverUrgent)
export class NotificationDeliverUrgentHandler implements JobHandler<JobName.NotificationDeliverUrgent> {
  constructor(private readonly deliveries: DeliveryService) {}

  async handle({ deliveryId }: JobPayload<JobName.NotificationDeliverUrgent>): Promise<void> {
    await this.deliveries.deliver(deliveryId);
  }
}

/** `notification.digest` at a person's digest time → their daily email of what is unread. */
@Injectable()
@HandlesJob(JobName.NotificationDigest)
export class NotificationDigestHandler implements JobHandler<JobName.NotificationDigest> {
  constructor(private readonly deliveries: DeliveryService) {}

  async handle({ userId, at }: JobPayload<JobName.NotificationDigest>): Promise<void> {
    await this.deliveries.sendDigest(userId, new Date(at));
  }
}

export const DELIVERY_HANDLERS = [NotificationDeliverHandler, NotificationDeliverUrgentHandler, NotificationDigestHandler, CredentialExpiryScanHandler];
