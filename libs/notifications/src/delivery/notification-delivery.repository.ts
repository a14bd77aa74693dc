import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Locale } from '@app/i18n';
import { JobName, OutboxRepository } from '@app/outbox';
import { Notification } from '../inbox/notification.entity';
import { Recipient } from './channel';
import { NotificationDelivery } from './notification-delivery.entity';
import { DeliveryPlan } from '../preferences/preferences';

/** A delivery with what sending it needs, all reloaded from PostgreSQL on each attempt. */
export interface DeliveryTarget {
  delivery: NotificationDelivery;
  notification: Notification;
  recipient: Recipient & { active: boolean };
}

@Injectable()
export class NotificationDeliveryRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  /**
   * Writes the deliveries of a new notification (inside its transaction); returns them with their
   * ids. A plan with `skipped` (its channel is not set up) is written as skipped, with the reason.
   */
  async add(manager: EntityManager, notificationId: string, plans: Array<DeliveryPlan & { skipped?: string }>): Promise<Array<DeliveryPlan & { id: string; skipped?: string }>> {
    const written: Array<DeliveryPlan & { id: string; skipped?: string }> = [];
    for (const plan of plans) {
      const status = plan.skipped ? 'skipped' : plan.heldUntil ? 'held' : 'pending';
      const [row] = await manager.query(
        `INSERT INTO notification_delivery (notification_id, channel, status, digest, held_until, last_error) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (notification_id, channel) DO NOTHING RETURNING id`,
        [notificationId, plan.channel, status, plan.digest, plan.skipped ? null : plan.heldUntil, plan.skipped ?? null],
      );
      if (row) written.push({ ...plan, id: row.id });
    }
    return written;
  }

  /**
   * Counts an attempt and makes the delivery `pending` if it may be sent now: pending with attempts
   * left, or held (not for the digest) and its hold over at `now`. Null: sent, failed, skipped, still
   * held, or out of attempts, so nothing is sent twice.
   */
  async startAttempt(id: string, now: Date): Promise<DeliveryTarget | null> {
    const [rows] = await this.dataSource.query(
      `UPDATE notification_delivery SET attempts = attempts + 1, last_attempt_at = now(), status = 'pending'
        WHERE id = $1 AND attempts < max_attempts AND NOT digest
          AND (status = 'pending' OR (status = 'held' AND held_until <= $2))
        RETURNING id`,
      [id, now],
    );
    if (rows.length === 0) return null;
    return this.target(id);
  }

  async target(id: string): Promise<DeliveryTarget | null> {
    const delivery = await this.dataSource.getRepository(NotificationDelivery).findOne({ where: { id } });
    if (!delivery) return null;
    const notification = await this.dataSource.getRepository(Notification).findOneOrFail({ where: { id: delivery.notificationId } });
    const recipient = await this.recipient(notification.userId);
    return recipient && { delivery, notification, recipient };
  }

  /** The person as channels need them; a volunteer's phone comes from their profile. */
  async recipient(userId: string, manager?: EntityManager): Promise<(Recipient & { role: string; active: boolean }) | null> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT u.id AS "userId", u.organisation_id AS "organisationId", o.name AS "organisationName", u.name, u.email,
              v.phone, u.locale, u.role, u.active
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id LEFT JOIN volunteer v ON v.id = u.volunteer_id
        WHERE u.id = $1`,
      [userId],
    );
    return row ? { ...row, locale: row.locale as Locale } : null;
  }

  async markSent(id: string, notificationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE notification_delivery SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [id]);
      await manager.query(`UPDATE notification SET sent_at = coalesce(sent_at, now()) WHERE id = $1`, [notificationId]);
    });
  }

  async markSkipped(ids: string[], reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification_delivery SET status = 'skipped', last_error = $2 WHERE id = ANY($1::uuid[])`, [ids, reason]);
  }

  /** A failure: recorded, and `failed` when out of attempts (or `final`). Returns whether it will be retried. */
  async recordFailure(id: string, error: string, final = false): Promise<boolean> {
    const [[row]] = await this.dataSource.query(
      `UPDATE notification_delivery SET last_error = $2, status = CASE WHEN $3 OR attempts >= max_attempts THEN 'failed' ELSE status END
        WHERE id = $1 RETURNING status`,
      [id, error.slice(0, 500), final],
    );
    return row?.status === 'pending';
  }

  /** Gives a pending delivery that ran out of attempts (its last one cut off by a crash) its final state. */
  /**
   * A held delivery whose job came while its hold was not over yet by this process's clock (the
   * outbox releases jobs by the database's): a new job at the end of the hold, or half a minute from
   * now if that has passed, so a worker whose clock runs behind retries instead of dropping it.
   */
  async rescheduleIfHeld(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [held] = await manager.query(
        `SELECT d.held_until, n.organisation_id, now() AS now FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
          WHERE d.id = $1 AND d.status = 'held' AND NOT d.digest FOR UPDATE OF d`,
        [id],
      );
      if (!held) return;
      const at = new Date(Math.max(held.held_until.getTime(), held.now.getTime() + 30_000));
      await this.outbox.add(manager, JobName.NotificationDeliver, { organisationId: held.organisation_id, deliveryId: id }, { availableAt: at, dedupeKey: `notification.deliver:${id}:${at.toISOString()}` });
    });
  }

  async failExhausted(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification_delivery SET status = 'failed' WHERE id = $1 AND status = 'pending' AND attempts >= max_attempts`, [id]);
  }

  /** The person's digest deliveries due at `at`, with their notifications, oldest first; each counts an attempt. */
  async claimDigest(userId: string, at: Date): Promise<Array<{ deliveryId: string; notification: Notification }>> {
    const [rows]: [Array<{ id: string; notification_id: string }>] = await this.dataSource.query(
      `UPDATE notification_delivery d SET attempts = attempts + 1, last_attempt_at = now()
         FROM notification n
        WHERE n.id = d.notification_id AND n.user_id = $1 AND d.digest AND d.status = 'held' AND d.held_until <= $2 AND d.attempts < d.max_attempts
        RETURNING d.id, d.notification_id`,
      [userId, at],
    );
    if (rows.length === 0) return [];
    const notifications = await this.dataSource.getRepository(Notification).find({ where: rows.map((r) => ({ id: r.notification_id })), order: { createdAt: 'ASC' } });
    return notifications.map((notification) => ({ deliveryId: rows.find((r) => r.notification_id === notification.id)!.id, notification }));
  }

  async markDigestSent(ids: string[]): Promise<void> {
    await this.dataSource.query(`UPDATE notification_delivery SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** A failed digest: recorded on each of its deliveries; those out of attempts are `failed`. Returns whether any is left to retry. */
  async recordDigestFailure(ids: string[], error: string): Promise<boolean> {
    const [rows] = await this.dataSource.query(
      `UPDATE notification_delivery SET last_error = $2, status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE status END
        WHERE id = ANY($1::uuid[]) RETURNING status`,
      [ids, error.slice(0, 500)],
    );
    return (rows as Array<{ status: string }>).some((r) => r.status === 'held');
  }

  async forNotification(notificationId: string): Promise<NotificationDelivery[]> {
    return this.dataSource.getRepository(NotificationDelivery).find({ where: { notificationId }, order: { channel: 'ASC' } });
  }
}
