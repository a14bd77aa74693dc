import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Request } from './request.entity';

/**
 * One round of "needs more information": the coordinator's question at triage and the referrer's
 * answer. A request may need information more than once; each round is numbered and kept, so the
 * coordinators see the whole exchange.
 */
@Entity('request_info_exchange')
@Index('uq_request_info_exchange_round', ['requestId', 'round'], { unique: true })
@Index(['organisationId'])
@Check('chk_request_info_exchange_answered', '((answer IS NULL) OR (answered_at IS NOT NULL))')
export class RequestInfoExchange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne('Organisation', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisationRef?: unknown;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => Request, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  requestRef?: Request;

  /** 1 for the first time the request needed information, 2 for the second, … */
  @Column({ type: 'integer' })
  round: number;

  /** The coordinator's words to the referrer (the triage reason). */
  @Column({ type: 'text' })
  question: string;

  @Column({ type: 'uuid', nullable: true })
  askedByUserId: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'asked_by_user_id' })
  askedByUserRef?: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  askedAt: Date;

  /** The referrer's words; null until answered, or when the answer was changes to the request only. */
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  /** The referrer, or a coordinator who answered for them. */
  @Column({ type: 'uuid', nullable: true })
  answeredByUserId: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'answered_by_user_id' })
  answeredByUserRef?: unknown;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}
