import type { CredentialType, DiagnosisGroup, ProgrammeKind } from '@app/core';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface ScoringWeights {
  diagnosis: number;
  age: number;
  distance: number;
  availability: number;
  load: number;
  continuity: number;
}

export interface FollowUpSchedule {
  /** First contact check, days after the match starts. */
  firstContactDays: number;
  /** First evaluation, weeks after the match starts. */
  evaluationWeeks: number;
  /** Then an evaluation every N months. */
  thenEveryMonths: number;
  /** Duration review, weeks before the maximum match duration ends. */
  durationReviewWeeksBefore: number;
}

/** A volunteer programme of an organisation: a buddy programme, a vigil service, … */
@Entity('programme')
@Index(['organisationId', 'kind'])
@Check('chk_programme_kind', "(kind = ANY (ARRAY['buddy'::text, 'navigator'::text, 'peer'::text, 'vigil'::text, 'practical'::text]))")
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne('Organisation', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisationRef?: unknown;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: ProgrammeKind;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'text', array: true, default: '{}' })
  requiredCredentials: CredentialType[];

  /** Inclusion rule: the client must be at least this old on the start date. */
  @Column({ type: 'integer', nullable: true })
  minClientAge: number | null;

  /** Inclusion rule: only these diagnosis groups (empty: all). */
  @Column({ type: 'text', array: true, default: '{}' })
  diagnosisGroups: DiagnosisGroup[];

  @Column({ type: 'integer', nullable: true })
  maxMatchMonths: number | null;

  @Column({ type: 'integer' })
  maxDistanceKm: number;

  @Column({ type: 'jsonb' })
  scoringWeights: ScoringWeights;

  @Column({ type: 'jsonb' })
  followUpSchedule: FollowUpSchedule;

  /** Vigil: offers go out to this many volunteers per wave … */
  @Column({ type: 'integer', nullable: true })
  vigilWaveSize: number | null;

  /** … every this many minutes … */
  @Column({ type: 'integer', nullable: true })
  vigilWaveIntervalMinutes: number | null;

  /** … and coordinators are alerted when nobody accepted this many minutes after the first wave. */
  @Column({ type: 'integer', nullable: true })
  vigilEscalationMinutes: number | null;

  /** Vigil: the longest window a request may ask for, in hours (its visits are split into days of at most 24 hours). */
  @Column({ type: 'integer', nullable: true })
  maxVigilHours: number | null;

  /** Feedback: a progress message to the referrer every this many months of a running match (null: none). */
  @Column({ type: 'integer', nullable: true, default: 1 })
  progressFeedbackMonths: number | null;

  /** Feedback: tell the referrer when a request has waited this many days without a match. */
  @Column({ type: 'integer', default: 14 })
  noMatchFeedbackDays: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
