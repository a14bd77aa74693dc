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

  /** A volunteer: the vigil you were offered was taken by a colleague (your offer is withdrawn). */
  VigilTaken = 'vigil_taken',
  /** A volunteer: a coordinator proposes you for a client. */
  MatchProposed = 'match_proposed',
  /** A volunteer: a coordinator planned or cancelled one of your visits. */
  VisitPlanned = 'visit_planned',
  VisitCancelled = 'visit_cancelled',
  /** A volunteer: one of your credentials (VOG, training) expires soon. */
  CredentialExpiring = 'credential_expiring',
  /** Coordinators: a new request arrived. */
  RequestSubmitted = 'request_submitted',
  /** Coordinators: a message to a referrer could not be delivered. */
  FeedbackFailed = 'feedback_failed',
}

export const NOTIFICATION_KINDS = Object.values(NotificationKind);

/** Kinds that go out at once on every channel chosen, quiet hours or not. */
export const URGENT_KINDS: readonly NotificationKind[] = [NotificationKind.VigilOffer, NotificationKind.VigilAlert];

/**
 * A message the service owes someone. The unique dedupe key makes every producer idempotent:
 * writing the same notification twice leaves one row.
 */
@Entity('notification')
@Index('idx_notification_inbox', ['userId', 'readAt', 'createdAt'])
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

  /** Sent at once on every chosen channel, quiet hours or not. */
  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  /**
   * What the catalogue text needs (`notification.<kind>.title|body|action`): a client's first name
   * and place at most, times as ISO strings. Rendered per recipient, in their language.
   */
  @Column({ type: 'jsonb', default: {} })
  params: Record<string, string>;

  /** The portal page it links to (`/offers/<id>`), joined to PUBLIC_URL when sent. */
  @Column({ type: 'text', nullable: true })
  path: string | null;

  /** When the first channel delivery went out. */
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Read in the in-app inbox. */
  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
