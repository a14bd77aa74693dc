import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationKind } from './notification.entity';

@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts unless a notification with this dedupe key exists. Returns whether a row was written. */
  async record(organisationId: string, userId: string, kind: NotificationKind, dedupeKey: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO notification (organisation_id, user_id, kind, dedupe_key)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [organisationId, userId, kind, dedupeKey],
    );
    return rows.length > 0;
  }

  /** Notifies the volunteer's login, if they have one (dedupe key as given). */
  async recordForVolunteer(organisationId: string, volunteerId: string, kind: NotificationKind, dedupeKey: string, manager?: EntityManager): Promise<void> {
    const users = await this.activeUsers(`organisation_id = $1 AND volunteer_id = $2`, [organisationId, volunteerId], manager);
    for (const userId of users) await this.record(organisationId, userId, kind, dedupeKey, manager);
  }

  /** Notifies the user if they are an active referrer of the organisation (a request a coordinator submitted has none). */
  async recordForReferrer(organisationId: string, userId: string | null, kind: NotificationKind, dedupeKey: string, manager?: EntityManager): Promise<void> {
    if (!userId) return;
    const users = await this.activeUsers(`organisation_id = $1 AND id = $2 AND role = 'referrer'`, [organisationId, userId], manager);
    for (const id of users) await this.record(organisationId, id, kind, dedupeKey, manager);
  }

  /** Notifies every active coordinator of the organisation, each under `<dedupeKey>:<userId>`. */
  async recordForCoordinators(organisationId: string, kind: NotificationKind, dedupeKey: string, manager?: EntityManager): Promise<void> {
    const users = await this.activeUsers(`organisation_id = $1 AND role = 'coordinator'`, [organisationId], manager);
    for (const userId of users) await this.record(organisationId, userId, kind, `${dedupeKey}:${userId}`, manager);
  }

  /** The coordinator given (if still active), else every active coordinator; each under `<dedupeKey>:<userId>`. */
  async recordForCoordinatorsOf(organisationId: string, coordinatorId: string | null, kind: NotificationKind, dedupeKey: string, manager?: EntityManager): Promise<void> {
    let users = coordinatorId ? await this.activeUsers(`organisation_id = $1 AND id = $2 AND role = 'coordinator'`, [organisationId, coordinatorId], manager) : [];
    if (users.length === 0) users = await this.activeUsers(`organisation_id = $1 AND role = 'coordinator'`, [organisationId], manager);
    for (const userId of users) await this.record(organisationId, userId, kind, `${dedupeKey}:${userId}`, manager);
  }

  /** Notifications under a key prefix not sent by email yet, with the address to send to. */
  async unsent(dedupeKeyPrefix: string): Promise<Array<{ id: string; email: string }>> {
    return this.dataSource.query(
      `SELECT n.id, u.email FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.dedupe_key LIKE $1 || '%' AND n.sent_at IS NULL`,
      [dedupeKeyPrefix],
    );
  }

  async markSent(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification SET sent_at = now() WHERE id = $1`, [id]);
  }

  private async activeUsers(where: string, params: unknown[], manager?: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await (manager ?? this.dataSource.manager).query(`SELECT id FROM app_user WHERE active AND ${where}`, params);
    return rows.map((r) => r.id);
  }

  async countByDedupeKey(dedupeKey: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE dedupe_key = $1`, [dedupeKey]);
    return row.n;
  }
}
