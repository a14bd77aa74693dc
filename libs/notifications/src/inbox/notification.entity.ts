import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum NotificationKind {
  Welcome = 'welcome',
  /** A volunteer: an urgent vigil shift is offered to you. */
  VigilOffer = 'vigil_offer',
  /** Coordinators: nobody accepted a vigil before its escalation deadline. */
  VigilAlert = 'vigil_alert',
  /** A volunteer: your match started / ended. */
  MatchStarted = 'match_started',
  MatchEnded = 'match_ended',
  /** The coordinator of a match: a follow-up is due. */
  FollowUpDue = 'followup_due',
  /** The referrer who submitted a request: the coordinator needs more information. */
  RequestNeedsInfo = 'request_needs_info',
  /** Coordinators: a referrer answered, the request waits for triage again. */
  RequestInfoReceived = 'request_info_received',
}

/**
 * A message the service owes someone. The unique dedupe key makes every producer idempotent:
 * writing the same notification twice leaves one row.
 */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  // By entity name: notifications must not import the identity library.
  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: unknown;

  @ManyToOne('Organisation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: unknown;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Index({ unique: true })
  @Column({ type: 'text' })
  dedupeKey: string;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
