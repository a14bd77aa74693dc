import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A state change that other parts of the service must react to, written in the same transaction as
 * the change. The relay moves it into BullMQ; the job handler marks it processed when done.
 */
@Entity('outbox_event')
@Index('idx_outbox_event_pending', ['availableAt'], { where: '(processed_at IS NULL)' }) // the relay scans only pending rows
@Index('uq_outbox_event_dedupe_key', ['dedupeKey'], { unique: true, where: '(dedupe_key IS NOT NULL)' })
export class OutboxEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Not relayed before this moment: how later work (the next vigil wave, an escalation) is scheduled in PostgreSQL. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  /** Set for events that must exist once whoever writes them (e.g. `vigil.wave:<request>:<n>`): a second write is ignored. */
  @Column({ type: 'text', nullable: true })
  dedupeKey: string | null;

  /** Last time the relay handed it to the queue (null: never). */
  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  relayCount: number;

  /** Set by the worker after the handler succeeded; such rows are never relayed again. */
  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
