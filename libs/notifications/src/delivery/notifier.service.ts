import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobName, OutboxRepository } from '@app/outbox';
import { NOTIFICATION_KINDS, NotificationKind, URGENT_KINDS } from '../inbox/notification.entity';
import { NotificationRepository } from '../inbox/notification.repository';
import { effectivePreferences, planDeliveries } from '../preferences/preferences';
import { PreferenceRepository } from '../preferences/preference.repository';
import { DELIVERY_CHANNELS, DeliveryChannel } from './channel';
import { Clock } from './clock';
import { NotificationDeliveryRepository } from './notification-delivery.repository';

/** What a notification says, for the catalogue text: at most a client's first name and place, and the portal page. */
export interface NotificationContent {
  params?: Record<string, string>;
  path?: string | null;
}

/**
 * Writes notifications: one row per person and event (the dedupe key makes it exactly once), and in
 * the same transaction one delivery per channel the person's preferences choose, each with its outbox
 * row (`notification.deliver`, or `notification.deliver-urgent` on the vigil queue), so nothing is
 * lost to a crash or a Redis flush. Digest deliveries get one digest job per person and digest time.
 */
@Injectable()
export class Notifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly preferences: PreferenceRepository,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    @Inject(DELIVERY_CHANNELS) private readonly channels: DeliveryChannel[],
  ) {}

  /** Notifies one user; returns the new notification's id, or null if it existed (or the user is gone). */
  async notify(organisationId: string, userId: string, kind: NotificationKind, dedupeKey: string, content: NotificationContent = {}, manager?: EntityManager): Promise<string | null> {
    if (!manager) return this.dataSource.transaction((m) => this.notify(organisationId, userId, kind, dedupeKey, content, m));
    const urgent = URGENT_KINDS.includes(kind);
    const id = await this.notifications.insert(manager, { organisationId, userId, kind, dedupeKey, urgent, params: content.params ?? {}, path: content.path ?? null });
    if (!id) return null;
    const recipient = await this.deliveries.recipient(userId, manager);
    if (!recipient?.active) return id;
    const stored = await this.preferences.find(userId, manager);
    // A channel that is not set up (no SMTP host, no VAPID keys) is skipped now, visibly, without a job.
    const plans = planDeliveries(effectivePreferences(recipient.role, stored, NOTIFICATION_KINDS), kind, this.clock.now()).map((plan) =>
      this.channels.some((c) => c.name === plan.channel && c.configured) ? plan : { ...plan, skipped: `The ${plan.channel} channel is not configured` },
    );
    for (const delivery of await this.deliveries.add(manager, id, plans)) {
      if (delivery.skipped) continue;
      if (delivery.digest) {
        const at = (delivery.heldUntil as Date).toISOString();
        await this.outbox.add(manager, JobName.NotificationDigest, { organisationId, userId, at }, { availableAt: delivery.heldUntil as Date, dedupeKey: `notification.digest:${userId}:${at}` });
      } else {
        const job = urgent ? JobName.NotificationDeliverUrgent : JobName.NotificationDeliver;
        await this.outbox.add(manager, job, { organisationId, deliveryId: delivery.id }, { availableAt: delivery.heldUntil ?? undefined, dedupeKey: `notification.deliver:${delivery.id}` });
      }
    }
    return id;
  }

  /** Notifies the volunteer's login, if they have one (dedupe key as given). */
  async notifyVolunteer(organisationId: string, volunteerId: string, kind: NotificationKind, dedupeKey: string, content: NotificationContent, manager?: EntityManager): Promise<void> {
    for (const userId of await this.notifications.activeUsers(`organisation_id = $1 AND volunteer_id = $2`, [organisationId, volunteerId], manager)) {
      await this.notify(organisationId, userId, kind, dedupeKey, content, manager);
    }
  }

  /** Notifies the user if they are an active referrer of the organisation (a request a coordinator submitted has none). */
  async notifyReferrer(organisationId: string, userId: string | null, kind: NotificationKind, dedupeKey: string, content: NotificationContent, manager?: EntityManager): Promise<void> {
    if (!userId) return;
    for (const id of await this.notifications.activeUsers(`organisation_id = $1 AND id = $2 AND role = 'referrer'`, [organisationId, userId], manager)) {
      await this.notify(organisationId, id, kind, dedupeKey, content, manager);
    }
  }

  /** Notifies every active coordinator of the organisation, each under `<dedupeKey>:<userId>`. */
  async notifyCoordinators(organisationId: string, kind: NotificationKind, dedupeKey: string, content: NotificationContent, manager?: EntityManager): Promise<void> {
    await this.notifyCoordinatorsOf(organisationId, null, kind, dedupeKey, content, manager);
  }

  /** The coordinator given (if still active), else every active coordinator; each under `<dedupeKey>:<userId>`. */
  async notifyCoordinatorsOf(organisationId: string, coordinatorId: string | null, kind: NotificationKind, dedupeKey: string, content: NotificationContent, manager?: EntityManager): Promise<void> {
    if (!manager) return this.dataSource.transaction((m) => this.notifyCoordinatorsOf(organisationId, coordinatorId, kind, dedupeKey, content, m));
    let users = coordinatorId ? await this.notifications.activeUsers(`organisation_id = $1 AND id = $2 AND role = 'coordinator'`, [organisationId, coordinatorId], manager) : [];
    if (users.length === 0) users = await this.notifications.activeUsers(`organisation_id = $1 AND role = 'coordinator'`, [organisationId], manager);
    for (const userId of users) await this.notify(organisationId, userId, kind, `${dedupeKey}:${userId}`, content, manager);
  }
}
