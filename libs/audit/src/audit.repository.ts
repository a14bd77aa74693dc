import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from './audit-event.entity';
import { ClientOwner } from './audited.decorator';

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at'>;

/** Finds the client of an object by table name, as identity checks a referral source: no import of the owning library. */
const CLIENT_OF: Record<ClientOwner, string> = {
  request: `SELECT client_id FROM request WHERE organisation_id = $1 AND id = $2`,
  match: `SELECT client_id FROM "match" WHERE organisation_id = $1 AND id = $2`,
  visit: `SELECT client_id FROM visit WHERE organisation_id = $1 AND id = $2`,
  vigil_offer: `SELECT client_id FROM vigil_offer WHERE organisation_id = $1 AND id = $2`,
  vigil_alert: `SELECT client_id FROM vigil_alert WHERE organisation_id = $1 AND id = $2`,
  follow_up: `SELECT client_id FROM follow_up WHERE organisation_id = $1 AND id = $2`,
  feedback_message: `SELECT r.client_id FROM feedback_message m JOIN request r ON r.id = m.request_id WHERE m.organisation_id = $1 AND m.id = $2`,
};

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends one event; pass a manager to write it inside the caller's transaction. */
  async append(event: NewAuditEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(AuditEvent).insert(event as QueryDeepPartialEntity<AuditEvent>);
  }

  /** The client an object of the organisation belongs to; null when the organisation has no such object. */
  async clientOf(organisationId: string, owner: ClientOwner, id: string): Promise<string | null> {
    const [row] = await this.dataSource.query(CLIENT_OF[owner], [organisationId, id]);
    return row?.client_id ?? null;
  }
}
