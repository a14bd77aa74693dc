import type { Locale } from '@app/i18n';
import type { FeedbackChannel, ReferralSourceType } from '@app/core';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Where requests come from: a hospital ward, a GP practice, a home-care team, … */
@Entity('referral_source')
@Index(['organisationId', 'name'])
@Check('chk_referral_source_type', "(type = ANY (ARRAY['hospital'::text, 'gp'::text, 'home_care'::text, 'neighbourhood_team'::text, 'volunteer_org'::text, 'caregiver_support'::text, 'other'::text]))")
@Check('chk_referral_source_locale', `locale IN ('nl', 'en')`)
@Check('chk_referral_source_channel', "(feedback_channel = ANY (ARRAY['email'::text, 'webhook'::text, 'none'::text]))")
export class ReferralSource {
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
  type: ReferralSourceType;

  @Column({ type: 'text', nullable: true })
  contactName: string | null;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ type: 'text', default: 'none' })
  feedbackChannel: FeedbackChannel;

  @Column({ type: 'text', nullable: true })
  feedbackEmail: string | null;

  @Column({ type: 'text', nullable: true })
  webhookUrl: string | null;

  /** Signs webhook bodies (HMAC). Write-only through the API: never returned. */
  @Column({ type: 'text', nullable: true, select: false })
  webhookSecret: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The language of the feedback messages this source receives. */
  @Column({ type: 'text', default: 'nl' })
  locale: Locale;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
