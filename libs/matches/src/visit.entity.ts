import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const VISIT_STATUSES = ['planned', 'confirmed', 'declined', 'done', 'cancelled', 'missed'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Visits that hold the volunteer's time: two of them may never overlap. */
export const BOOKED_VISIT_STATUSES: readonly VisitStatus[] = ['planned', 'confirmed', 'done'];

/** A visit of a volunteer to a client within an active match (a vigil shift is one too). */
@Entity('visit')
@Index(['matchId', 'startsAt'])
@Index(['volunteerId', 'startsAt'])
@Check('chk_visit_status', "(status = ANY (ARRAY['planned'::text, 'confirmed'::text, 'declined'::text, 'done'::text, 'cancelled'::text, 'missed'::text]))")
@Check('chk_visit_times', '(ends_at > starts_at)')
// A volunteer is never booked twice at the same time: enforced by PostgreSQL, not by a check-then-write.
@Exclusion('xcl_visit_volunteer_overlap', "USING gist (volunteer_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE ((status = ANY (ARRAY['planned'::text, 'confirmed'::text, 'done'::text])))")
export class Visit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  matchId: string;

  @ManyToOne('Match', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'match_id' })
  matchRef?: unknown;

  /** Copied from the match so the overlap constraint can see it. */
  @Column({ type: 'uuid' })
  volunteerId: string;

  @ManyToOne('Volunteer', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteerRef?: unknown;

  @Column({ type: 'uuid' })
  clientId: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text', default: 'planned' })
  status: VisitStatus;

  /** After the visit: a short note by the volunteer or coordinator. Before it: what the planner wrote. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Why it was declined or cancelled. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  plannedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
