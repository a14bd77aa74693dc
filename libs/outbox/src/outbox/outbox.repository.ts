import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventPayloads, JobName } from '../queue/queue-names';

export interface ClaimedEvent {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  /** How often it was handed to the queue before: above 0, the queue may still hold its old job. */
  relay_count: number;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records an event inside the caller's transaction: it exists only if the change commits.
   * `availableAt` delays it; with a `dedupeKey` a second write of the same event is ignored.
   */
  async add<J extends JobName>(manager: EntityManager, topic: J, payload: EventPayloads[J], options: { availableAt?: Date; dedupeKey?: string } = {}): Promise<void> {
    await manager.query(
      `INSERT INTO outbox_event (topic, payload, available_at, dedupe_key) VALUES ($1, $2, coalesce($3, now()), $4)
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`,
      [topic, payload, options.availableAt ?? null, options.dedupeKey ?? null],
    );
  }

  /**
   * Claims a batch of events that still need the queue (never relayed, or relayed long ago and not
   * processed: Redis may have lost them), hands them to `deliver` and marks them relayed. Rows are
   * locked with SKIP LOCKED so several relays never send the same row at once; if `deliver` throws,
   * the transaction rolls back and the rows are claimed again on the next pass.
   */
  async relayBatch(limit: number, redeliverAfterSeconds: number, deliver: (events: ClaimedEvent[]) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const events: ClaimedEvent[] = await manager.query(
        `SELECT id, topic, payload, relay_count FROM outbox_event
          WHERE processed_at IS NULL AND available_at <= now()
            AND (relayed_at IS NULL OR relayed_at <= now() - make_interval(secs => $2))
          ORDER BY available_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [limit, redeliverAfterSeconds],
      );
      if (events.length === 0) return 0;
      await deliver(events);
      await manager.query(
        `UPDATE outbox_event SET relayed_at = now(), relay_count = relay_count + 1 WHERE id = ANY($1::uuid[])`,
        [events.map((e) => e.id)],
      );
      return events.length;
    });
  }

  async markProcessed(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE outbox_event SET processed_at = now() WHERE id = $1 AND processed_at IS NULL`, [id]);
  }
}
