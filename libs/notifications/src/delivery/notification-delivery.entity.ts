import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ChannelName } from './channel';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'held', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One notification on one channel (email, push, sms), written with the notification; its own
 * status, attempts and last error. `held` waits for `held_until`: the end of the person's quiet hours,
 * or, with `digest`, the time of their daily digest email.
 */
@Entity('notification_delivery')
@Index('uq_notification_delivery_channel', ['notificationId', 'channel'], { unique: true })
@Index('idx_notification_delivery_digest', ['heldUntil'], { where: "(digest AND status = 'held')" })
@Check('chk_notification_delivery_status', "(status = ANY (ARRAY['pending'::text, 'sent'::text, 'failed'::text, 'held'::text, 'skipped'::text]))")
@Check('chk_notification_delivery_channel', "(channel = ANY (ARRAY['email'::text, 'push'::text, 'sms'::text]))")
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notification_delivery' })
  id: string;

  @Column({ type: 'uuid' })
  notificationId: string;

  @ManyToOne('Notification', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'FK_notification_delivery_notification' })
  notification?: unknown;

  @Column({ type: 'text' })
  channel: ChannelName;

  @Column({ type: 'text', default: 'pending' })
  status: DeliveryStatus;

  /** Collected into the daily digest email instead of sent on its own. */
  @Column({ type: 'boolean', default: false })
  digest: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  heldUntil: Date | null;

  /** Counted before each send, so a crash mid-way counts. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'integer', default: 8 })
  maxAttempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
