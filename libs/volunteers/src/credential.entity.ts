import type { CredentialType } from '@app/core';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Volunteer } from './volunteer.entity';

/** A certificate of conduct (VOG) or a training, with its validity. */
@Entity('credential')
@Index(['volunteerId'])
@Index(['type', 'expiresOn'])
@Check('chk_credential_dates', '((expires_on IS NULL) OR (expires_on >= issued_on))')
export class Credential {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  volunteerId: string;

  @ManyToOne(() => Volunteer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Volunteer;

  @Column({ type: 'text' })
  type: CredentialType;

  @Column({ type: 'date' })
  issuedOn: string;

  /** Null: does not expire. */
  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
