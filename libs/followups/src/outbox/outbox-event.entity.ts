import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A state change that other parts of the service must react to, written in the same transaction as
 * the change. The relay moves it into BullMQ; the job handler marks it processed when done.
 */
@Entity('outbox_event')
@Index('idx_outbox_event_pending', ['createdAt'], { where: '(processed_at IS NULL)' }) // the relay scans only pending rows
export class OutboxEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Last time the relay handed it to the queue (null: never). */
  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  relayCount: number;

  /** Set by the worker after the handler succeeded; such rows are never relayed again. */
  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
