import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const FOLLOW_UP_KINDS = ['first_contact', 'evaluation', 'duration_review', 'custom'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_OUTCOMES = ['going_well', 'needs_attention', 'end_advised', 'not_reached'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** A coordinator's check on a running match, from the programme's plan. PostgreSQL holds the plan; the queue only wakes it. */
@Entity('follow_up')
@Index('uq_follow_up_plan_step', ['matchId', 'kind', 'sequence'], { unique: true }) // creating a plan twice leaves one
@Index(['organisationId', 'status', 'dueAt'])
@Check('chk_follow_up_kind', "(kind = ANY (ARRAY['first_contact'::text, 'evaluation'::text, 'duration_review'::text, 'custom'::text]))")
@Check('chk_follow_up_status', "(status = ANY (ARRAY['open'::text, 'done'::text, 'cancelled'::text]))")
export class FollowUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  matchId: string;

  @ManyToOne('Match', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'match_id' })
  matchRef?: unknown;

  @Column({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'uuid' })
  clientId: string;

  /** The coordinator who made the match, who gets the reminder (null: every coordinator). */
  @Column({ type: 'uuid', nullable: true })
  coordinatorId: string | null;

  @Column({ type: 'text' })
  kind: FollowUpKind;

  /** Position in the plan: evaluations 1, 2, 3, … */
  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text', default: 'open' })
  status: FollowUpStatus;

  @Column({ type: 'text', nullable: true })
  outcome: FollowUpOutcome | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  completedByUserId: string | null;

  /** When the reminder for the current due date went out (a snooze clears it). */
  @Column({ type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
