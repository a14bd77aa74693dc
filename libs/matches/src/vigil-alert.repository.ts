import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@app/core';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { VigilAlert } from './vigil-alert.entity';

/** Alerts for vigils nobody accepted in time. */
@Injectable()
export class VigilAlertRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(organisationId: string, filter: { open?: boolean; skip: number; take: number }): Promise<[VigilAlert[], number]> {
    return this.dataSource.getRepository(VigilAlert).findAndCount({
      where: { organisationId, ...(filter.open === true ? { resolvedAt: IsNull() } : {}) },
      order: { raisedAt: 'DESC', id: 'ASC' },
      skip: filter.skip,
      take: filter.take,
    });
  }

  /** Raises the request's alert unless it exists; returns its id when this call raised it. */
  async raise(manager: EntityManager, alert: Pick<VigilAlert, 'organisationId' | 'requestId' | 'clientId'>): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO vigil_alert (organisation_id, request_id, client_id, offers_sent, offers_declined)
       SELECT $1, $2, $3, count(*), count(*) FILTER (WHERE status = 'declined') FROM vigil_offer WHERE request_id = $2
       ON CONFLICT (request_id) DO NOTHING
       RETURNING id`,
      [alert.organisationId, alert.requestId, alert.clientId],
    );
    return rows[0]?.id ?? null;
  }

  async requestOf(organisationId: string, id: string): Promise<string | null> {
    const alert = await this.dataSource.getRepository(VigilAlert).findOne({ where: { organisationId, id }, select: { requestId: true } });
    return alert?.requestId ?? null;
  }

  async resolve(organisationId: string, id: string, userId: string): Promise<VigilAlert> {
    await this.dataSource.getRepository(VigilAlert).update({ organisationId, id, resolvedAt: IsNull() }, { resolvedAt: new Date(), resolvedByUserId: userId });
    const alert = await this.dataSource.getRepository(VigilAlert).findOne({ where: { organisationId, id } });
    if (!alert) throw new NotFoundError('Vigil alert', id);
    return alert;
  }
}
