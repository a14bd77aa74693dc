import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

export type AccountTokenPurpose = 'invitation' | 'password_reset';

/**
 * A single-use link sent by email (an invitation, a password reset). Only sha256 of the 32 random
 * bytes is stored; the token itself exists only in the email. Minted by the job that sends it, so
 * neither the outbox nor Redis ever holds it.
 */
@Entity('account_token')
@Check('chk_account_token_purpose', `purpose IN ('invitation', 'password_reset')`)
@Index('idx_account_token_user', ['userId', 'purpose'])
@Index('uq_account_token_job', ['outboxId', 'userId'], { unique: true }) // one token per user per sending job
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  purpose: AccountTokenPurpose;

  @Index('uq_account_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  /** The outbox event whose job minted and mailed it: a retried job does not mail a second link. */
  @Column({ type: 'uuid' })
  outboxId: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
