import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A browser's Web Push subscription (personal data: the endpoint and keys are never logged).
 * An endpoint belongs to one browser, so it is unique: subscribing it again, even as another user
 * of that browser, moves it rather than sending one person's messages to the next.
 */
@Entity('push_subscription')
export class PushSubscription {
  @PrimaryGeneratedColumn('uuid')
  id: string;

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

  @Index('uq_push_subscription_endpoint', { unique: true })
  @Column({ type: 'text' })
  endpoint: string;

  /** The browser's P-256 public key and auth secret (base64url), for the payload encryption (RFC 8291). */
  @Column({ type: 'text' })
  p256dh: string;

  @Column({ type: 'text' })
  auth: string;

  /** So a person can tell their devices apart in the list. */
  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
