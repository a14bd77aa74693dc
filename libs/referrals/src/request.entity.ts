import type { Frequency, Gender, ProgrammeKind, RequestStatus, Urgency } from '@app/core';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Client } from './client.entity';

export interface Needs {
  physical?: string | null;
  psychological?: string | null;
  social?: string | null;
  spiritual?: string | null;
}

export interface Preferences {
  volunteerGender?: Gender | null;
  /** A language the volunteer must speak (ISO 639-1). */
  language?: string | null;
  volunteerAgeMin?: number | null;
  volunteerAgeMax?: number | null;
}

export interface ReferrerContact {
  name: string;
  email?: string | null;
  phone?: string | null;
  role?: string | null;
}

/** A request for volunteer support for one client, moving through the status machine. */
@Entity('request')
@Index(['organisationId', 'status'])
@Index(['referralSourceId', 'createdAt'])
@Index(['clientId'])
@Check('chk_request_status', "(status = ANY (ARRAY['submitted'::text, 'needs_info'::text, 'triaged'::text, 'rejected'::text, 'proposed'::text, 'matched'::text, 'closed'::text, 'cancelled'::text]))")
@Check('chk_request_kind', "(kind = ANY (ARRAY['buddy'::text, 'navigator'::text, 'peer'::text, 'vigil'::text, 'practical'::text]))")
@Check('chk_request_desired_mask', '((desired_mask >= 0) AND (desired_mask < 268435456))')
@Check('chk_request_vigil_window', '((vigil_window_start IS NULL) = (vigil_window_end IS NULL) AND ((vigil_window_end IS NULL) OR (vigil_window_end > vigil_window_start)))')
export class Request {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne('Organisation', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisationRef?: unknown;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne('Programme', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programmeRef?: unknown;

  @Column({ type: 'uuid' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client?: Client;

  @Column({ type: 'uuid' })
  referralSourceId: string;

  @ManyToOne('ReferralSource', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_source_id' })
  referralSourceRef?: unknown;

  @Column({ type: 'uuid', nullable: true })
  submittedByUserId: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by_user_id' })
  submittedByUserRef?: unknown;

  @Column({ type: 'text' })
  kind: ProgrammeKind;

  @Column({ type: 'text', default: 'submitted' })
  status: RequestStatus;

  /** Why the request is in its status (triage decision, rejection, cancellation, closing). */
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ type: 'text', default: 'normal' })
  urgency: Urgency;

  @Column({ type: 'jsonb', default: {} })
  needs: Needs;

  /** 28-bit weekly mask of desired slots. */
  @Column({ type: 'integer', default: 0 })
  desiredMask: number;

  @Column({ type: 'text', nullable: true })
  frequency: Frequency | null;

  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  vigilWindowStart: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  vigilWindowEnd: Date | null;

  /** Where the support happens (home, hospice, hospital): may differ from the client's address. */
  @Column({ type: 'text', nullable: true })
  postcode: string | null;

  @Column({ type: 'text', nullable: true })
  houseNumber: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lon: number;

  @Column({ type: 'jsonb', default: {} })
  preferences: Preferences;

  @Column({ type: 'jsonb' })
  referrerContact: ReferrerContact;

  /** From the referrer, for the coordinator; never shown to volunteers. */
  @Column({ type: 'text', nullable: true })
  referrerNotes: string | null;

  /** The coordinator's own notes; not shown to referrers or volunteers. */
  @Column({ type: 'text', nullable: true })
  coordinatorNotes: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  triagedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  proposedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  matchedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** When it reached a final state without a match (rejected or cancelled). */
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
