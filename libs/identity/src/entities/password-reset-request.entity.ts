import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A reset asked for an email address, known or not, waiting for its job (the outbox carries only
 * this row's id). The job deletes it, so the address is kept only for the seconds in between.
 */
@Entity('password_reset_request')
export class PasswordResetRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
