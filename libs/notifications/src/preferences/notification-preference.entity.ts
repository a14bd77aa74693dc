import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { KindPreference } from './preferences';

/** A person's choices where they differ from the defaults of their role (see `preferences.ts`). */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_notification_preference' })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notification_preference_user' })
  user?: unknown;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne('Organisation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'FK_notification_preference_organisation' })
  organisation?: unknown;

  /** Per kind: the channels besides the inbox, and whether it goes into the daily digest. */
  @Column({ type: 'jsonb', default: [] })
  kinds: KindPreference[];

  /** Quiet hours, `HH:MM` Europe/Amsterdam (both or neither). */
  @Column({ type: 'text', nullable: true })
  quietStart: string | null;

  @Column({ type: 'text', nullable: true })
  quietEnd: string | null;

  /** When the daily digest goes out, `HH:MM` Europe/Amsterdam. */
  @Column({ type: 'text', default: '08:00' })
  digestAt: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
