import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const FEEDBACK_EVENTS = ['received', 'needs_info', 'rejected', 'cancelled', 'matched', 'first_visit', 'progress', 'ended', 'no_match', 'gp_notice'] as const;
export type FeedbackEvent = (typeof FEEDBACK_EVENTS)[number];

export const FEEDBACK_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export type FeedbackChannel = 'email' | 'webhook';

/**
 * A message to the referrer (or, for `gp_notice`, the client's GP) about what happened to a request.
 * One per (request, event, period): written before any sending, so a crash mid-delivery retries the
 * same row instead of making a second one. Its id is the idempotency key receivers see.
 */
@Entity('feedback_message')
@Index('uq_feedback_message_event', ['requestId', 'event', 'period'], { unique: true })
@Index(['organisationId', 'status'])
@Check('chk_feedback_message_event', "(event = ANY (ARRAY['received'::text, 'needs_info'::text, 'rejected'::text, 'cancelled'::text, 'matched'::text, 'first_visit'::text, 'progress'::text, 'ended'::text, 'no_match'::text, 'gp_notice'::text]))")
@Check('chk_feedback_message_status', "(status = ANY (ARRAY['pending'::text, 'delivered'::text, 'failed'::text]))")
export class FeedbackMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne('Request', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  requestRef?: unknown;

  @Column({ type: 'text' })
  event: FeedbackEvent;

  /** For periodic events (progress): the period, e.g. `2027-02`; for needs_info the round (`1`, `2`, …); empty otherwise. */
  @Column({ type: 'text', default: '' })
  period: string;

  @Column({ type: 'text' })
  channel: FeedbackChannel;

  /** An email address or a webhook URL. */
  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  subject: string;

  /** What is sent: the webhook's JSON body, or the email's text under `text`. Never a diagnosis. */
  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status: FeedbackStatus;

  /** Sending attempts so far (a crash mid-way counts as one). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Attempts allowed before the message is marked failed; a coordinator's retry raises it. */
  @Column({ type: 'integer', default: 8 })
  maxAttempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
