import type { Locale } from '@app/i18n';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organisation } from './organisation.entity';
import { Role } from './role';

@Entity('app_user')
@Check('chk_app_user_email_lower', '(email = lower(email))')
@Check('chk_app_user_locale', `locale IN ('nl', 'en')`)
@Check('chk_app_user_referrer_source', "((role <> 'referrer'::text) OR (referral_source_id IS NOT NULL))")
@Check('chk_app_user_volunteer_profile', "((role <> 'volunteer'::text) OR (volunteer_id IS NOT NULL))")
@Check('chk_app_user_role', "(role = ANY (ARRAY['admin'::text, 'coordinator'::text, 'referrer'::text, 'volunteer'::text]))")
@Index('uq_app_user_organisation_email', ['organisationId', 'email'], { unique: true })
@Index('idx_app_user_email', ['email']) // login looks an address up across organisations
@Index('uq_app_user_volunteer', ['volunteerId'], { unique: true, where: '(volunteer_id IS NOT NULL)' }) // one login per volunteer
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** Stored lower-cased; unique within the organisation (one person may have accounts in several). */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  /** The language this person reads messages in (`nl` or `en`). */
  @Column({ type: 'text', default: 'nl' })
  locale: Locale;

  /** For text messages, in international form (+31612345678); a volunteer without one is texted at their profile's phone. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** argon2id; never leaves the identity library. Null until an invited person sets one. */
  @Column({ type: 'text', select: false, nullable: true })
  passwordHash: string | null;

  /** The TOTP secret, sealed with SecretBox; set at enrolment, in use once `totpEnabledAt` is set. */
  @Column({ type: 'text', select: false, nullable: true })
  totpSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null;

  /** The last TOTP time step accepted: a code of that step or an earlier one is a replay. */
  @Column({ type: 'bigint', select: false, nullable: true })
  totpLastStep: string | null;

  /** Referrers: the referral source they work for. */
  @Column({ type: 'uuid', nullable: true })
  referralSourceId: string | null;

  @ManyToOne('ReferralSource', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_source_id' })
  referralSourceRef?: unknown;

  /** Volunteers: their volunteer profile. */
  @Column({ type: 'uuid', nullable: true })
  volunteerId: string | null;

  @ManyToOne('Volunteer', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteerRef?: unknown;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
