import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationKind } from './notification.entity';

@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts unless a notification with this dedupe key exists. Returns whether a row was written. */
  async record(organisationId: string, userId: string, kind: NotificationKind, dedupeKey: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO notification (organisation_id, user_id, kind, dedupe_key)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [organisationId, userId, kind, dedupeKey],
    );
    return rows.length > 0;
  }

  async countByDedupeKey(dedupeKey: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE dedupe_key = $1`, [dedupeKey]);
    return row.n;
  }
}
