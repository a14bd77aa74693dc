import type { ConsentGiver, DiagnosisGroup, Gender, LivingSituation } from '@app/core';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface Relative {
  name: string;
  relation: string;
  phone?: string;
  email?: string;
}

export interface GpContact {
  name: string;
  practice?: string;
  phone?: string;
  email?: string;
}

/** The person who receives support. Every read and write of this table is audited. */
@Entity('client')
@Index(['organisationId', 'referralSourceId'])
export class Client {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne('Organisation', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisationRef?: unknown;

  /** The source that first referred this client; its referrers may refer the client again. */
  @Column({ type: 'uuid' })
  referralSourceId: string;

  @ManyToOne('ReferralSource', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_source_id' })
  referralSourceRef?: unknown;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  @Column({ type: 'date' })
  birthDate: string;

  @Column({ type: 'text', default: 'unspecified' })
  gender: Gender;

  @Column({ type: 'text', nullable: true })
  street: string | null;

  @Column({ type: 'text', nullable: true })
  houseNumber: string | null;

  @Column({ type: 'text', nullable: true })
  postcode: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', array: true, default: '{nl}' })
  languages: string[];

  @Column({ type: 'text' })
  diagnosisGroup: DiagnosisGroup;

  /** Free-text detail for the coordinator; never used in matching, never shown to volunteers. */
  @Column({ type: 'text', nullable: true })
  diagnosisDetails: string | null;

  @Column({ type: 'text', nullable: true })
  livingSituation: LivingSituation | null;

  @Column({ type: 'jsonb', default: [] })
  relatives: Relative[];

  @Column({ type: 'jsonb', nullable: true })
  gp: GpContact | null;

  @Column({ type: 'timestamptz' })
  consentGivenAt: Date;

  @Column({ type: 'text' })
  consentGivenBy: ConsentGiver;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
