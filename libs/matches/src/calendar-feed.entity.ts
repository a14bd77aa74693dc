import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';

/** A volunteer's secret calendar address. Only a hash of the token is stored; a new token replaces the old one. */
@Entity('calendar_feed')
@Index('uq_calendar_feed_token_hash', ['tokenHash'], { unique: true })
export class CalendarFeed {
  @PrimaryColumn({ type: 'uuid' })
  volunteerId: string;

  @OneToOne('Volunteer', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteerRef?: unknown;

  @Column({ type: 'uuid' })
  organisationId: string;

  /** SHA-256 of the token, hex. */
  @Column({ type: 'text' })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
