import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Notification, NotificationKind } from './notification.entity';

/** Postgres channel on which each committed notification is announced as `<userId>:<notificationId>`. */
export const NOTIFICATION_CHANNEL = 'notification_created';

@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts unless a notification with this dedupe key exists, and announces it (NOTIFY is delivered
   * only when the transaction commits, so a listener never sees a row that does not exist).
   * Returns the new row's id, or null when it existed.
   */
  async insert(
    manager: EntityManager,
    row: { organisationId: string; userId: string; kind: NotificationKind; dedupeKey: string; urgent: boolean; params: Record<string, string>; path: string | null },
  ): Promise<string | null> {
    const [inserted] = await manager.query(
      `INSERT INTO notification (organisation_id, user_id, kind, dedupe_key, urgent, params, path)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [row.organisationId, row.userId, row.kind, row.dedupeKey, row.urgent, row.params, row.path],
    );
    if (!inserted) return null;
    await manager.query(`SELECT pg_notify($1, $2)`, [NOTIFICATION_CHANNEL, `${row.userId}:${inserted.id}`]);
    return inserted.id;
  }

  /** Active users matching the condition (ids only). */
  async activeUsers(where: string, params: unknown[], manager?: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await (manager ?? this.dataSource.manager).query(`SELECT id FROM app_user WHERE active AND ${where} ORDER BY id`, params);
    return rows.map((r) => r.id);
  }

  /**
   * What a message may say about a request's client: the first name and the city, nothing more
   * (by table name: notifications do not import the referrals library), and a vigil's start.
   */
  async aboutRequest(requestId: string, manager?: EntityManager): Promise<Record<string, string>> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT c.first_name, coalesce(r.city, c.city) AS city, r.vigil_window_start FROM request r JOIN client c ON c.id = r.client_id WHERE r.id = $1`,
      [requestId],
    );
    if (!row) return {};
    return { firstName: row.first_name, place: row.city ?? '', ...(row.vigil_window_start ? { startsAt: new Date(row.vigil_window_start).toISOString() } : {}) };
  }

  /** Credentials of volunteers with a login that expire between `from` and `to` (dates, inclusive). */
  async expiringCredentials(from: string, to: string): Promise<Array<{ organisationId: string; volunteerId: string; id: string; type: string; expiresOn: string }>> {
    return this.dataSource.query(
      `SELECT v.organisation_id AS "organisationId", c.volunteer_id AS "volunteerId", c.id, c.type, to_char(c.expires_on, 'YYYY-MM-DD') AS "expiresOn"
         FROM credential c JOIN volunteer v ON v.id = c.volunteer_id
        WHERE c.expires_on BETWEEN $1::date AND $2::date
          AND EXISTS (SELECT 1 FROM app_user u WHERE u.volunteer_id = v.id AND u.active)
        ORDER BY c.id`,
      [from, to],
    );
  }

  async countByDedupeKey(dedupeKey: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE dedupe_key = $1`, [dedupeKey]);
    return row.n;
  }

  async findForUser(organisationId: string, userId: string, id: string): Promise<Notification | null> {
    return this.dataSource.getRepository(Notification).findOne({ where: { organisationId, userId, id } });
  }

  /** The inbox: unread first, then newest. */
  async inbox(organisationId: string, userId: string, skip: number, take: number): Promise<[Notification[], number]> {
    const repository = this.dataSource.getRepository(Notification);
    const ids: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM notification WHERE organisation_id = $1 AND user_id = $2
        ORDER BY (read_at IS NULL) DESC, created_at DESC, id DESC OFFSET $3 LIMIT $4`,
      [organisationId, userId, skip, take],
    );
    const rows = ids.length > 0 ? await repository.find({ where: ids.map(({ id }) => ({ id })) }) : [];
    const total = await repository.count({ where: { organisationId, userId } });
    return [ids.map(({ id }) => rows.find((r) => r.id === id) as Notification), total];
  }

  async unreadCount(organisationId: string, userId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE organisation_id = $1 AND user_id = $2 AND read_at IS NULL`, [organisationId, userId]);
    return row.n;
  }

  /** Marks one read (once: the first time stays). False if it is not this user's. */
  async markRead(organisationId: string, userId: string, id: string): Promise<boolean> {
    const [rows] = await this.dataSource.query(
      `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE organisation_id = $1 AND user_id = $2 AND id = $3 RETURNING id`,
      [organisationId, userId, id],
    );
    return rows.length > 0;
  }

  async markAllRead(organisationId: string, userId: string): Promise<number> {
    const [, count] = await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE organisation_id = $1 AND user_id = $2 AND read_at IS NULL`, [organisationId, userId]);
    return count;
  }
}
