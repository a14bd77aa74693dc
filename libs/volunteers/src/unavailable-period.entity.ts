import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Volunteer } from './volunteer.entity';

/** A holiday or other absence: real timestamps, unlike the weekly mask. */
@Entity('unavailable_period')
@Index(['volunteerId', 'startsAt'])
@Check('chk_unavailable_period_order', '(ends_at > starts_at)')
export class UnavailablePeriod {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  volunteerId: string;

  @ManyToOne(() => Volunteer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Volunteer;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
