import type { DiagnosisGroup, Gender, ProgrammeKind, VolunteerStatus } from '@app/core';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('volunteer')
@Index(['organisationId', 'status'])
@Index('idx_volunteer_location', ['lat', 'lon']) // bounding-box prefilter for "near a point"
@Check('chk_volunteer_status', "(status = ANY (ARRAY['applicant'::text, 'active'::text, 'paused'::text, 'inactive'::text]))")
@Check('chk_volunteer_availability', '((availability_mask >= 0) AND (availability_mask < 268435456))')
@Check('chk_volunteer_age_range', '((preferred_client_age_min IS NULL) OR (preferred_client_age_max IS NULL) OR (preferred_client_age_min <= preferred_client_age_max))')
export class Volunteer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne('Organisation', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisationRef?: unknown;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'date' })
  birthDate: string;

  @Column({ type: 'text', default: 'unspecified' })
  gender: Gender;

  @Column({ type: 'text', array: true, default: '{nl}' })
  languages: string[];

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

  @Column({ type: 'integer', default: 10 })
  maxTravelKm: number;

  /** The kinds of support this volunteer offers. */
  @Column({ type: 'text', array: true, default: '{}' })
  kinds: ProgrammeKind[];

  /** Programmes the volunteer works in (ids of this organisation's programmes). */
  @Column({ type: 'uuid', array: true, default: '{}' })
  programmeIds: string[];

  /** 28-bit weekly availability mask (see libs/core availability). */
  @Column({ type: 'integer', default: 0 })
  availabilityMask: number;

  @Column({ type: 'integer', default: 1 })
  maxConcurrentClients: number;

  /** Peers: diagnoses the volunteer lived through. */
  @Column({ type: 'text', array: true, default: '{}' })
  livedExperienceDiagnoses: DiagnosisGroup[];

  /** Diagnoses the volunteer has experience with or is comfortable with. */
  @Column({ type: 'text', array: true, default: '{}' })
  experienceDiagnoses: DiagnosisGroup[];

  @Column({ type: 'integer', nullable: true })
  preferredClientAgeMin: number | null;

  @Column({ type: 'integer', nullable: true })
  preferredClientAgeMax: number | null;

  @Column({ type: 'text', array: true, default: '{}' })
  interests: string[];

  @Column({ type: 'text', default: 'applicant' })
  status: VolunteerStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  statusChangedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
