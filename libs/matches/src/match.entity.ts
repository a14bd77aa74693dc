import type { Phrase } from '@app/i18n';
import type { DeclineReason, EndReason } from './match-reasons';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const MATCH_STATUSES = ['proposed', 'declined', 'withdrawn', 'active', 'ended'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export interface MatchScoreComponent {
  name: string;
  points: number;
  weight: number;
  /** A phrase of the catalogues (a plain string in matches stored before reasons were phrases). */
  reason: Phrase | string;
}

/** A client's request paired with a volunteer: proposed by a coordinator, then accepted or declined. */
@Entity('match')
@Index(['organisationId', 'status'])
@Index(['volunteerId', 'status'])
@Index(['requestId'])
// One live proposal or match per request and volunteer, and one active match per request.
@Index('uq_match_live', ['requestId', 'volunteerId'], { unique: true, where: "(status = ANY (ARRAY['proposed'::text, 'active'::text]))" })
@Index('uq_match_active_request', ['requestId'], { unique: true, where: "(status = 'active'::text)" })
@Check('chk_match_status', "(status = ANY (ARRAY['proposed'::text, 'declined'::text, 'withdrawn'::text, 'active'::text, 'ended'::text]))")
export class Match {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne('Request', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  requestRef?: unknown;

  @Column({ type: 'uuid' })
  clientId: string;

  @ManyToOne('Client', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  clientRef?: unknown;

  @Column({ type: 'uuid' })
  volunteerId: string;

  @ManyToOne('Volunteer', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteerRef?: unknown;

  @Column({ type: 'text', default: 'proposed' })
  status: MatchStatus;

  /** The score when proposed, 0–100, with its explained components. */
  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'jsonb', default: [] })
  breakdown: MatchScoreComponent[];

  @Column({ type: 'uuid', nullable: true })
  proposedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  proposedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** When the volunteer accepted or declined, or the coordinator withdrew the proposal. */
  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  declineReason: DeclineReason | null;

  @Column({ type: 'text', nullable: true })
  endReason: EndReason | null;

  /** The volunteer's words when declining, or the coordinator's when withdrawing or ending. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  endedByUserId: string | null;
}
