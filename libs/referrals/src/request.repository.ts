import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError, ProgrammeKind, RequestStatus } from '@app/core';
import { DataSource, EntityManager, In } from 'typeorm';
import { Client } from './client.entity';
import { Request } from './request.entity';
import { assertTransition, timestampFor } from './request-status';

export type ClientData = Omit<Client, 'id' | 'organisationId' | 'createdAt' | 'updatedAt' | 'organisationRef' | 'referralSourceRef'>;
export type RequestData = Omit<
  Request,
  | 'id'
  | 'organisationId'
  | 'client'
  | 'createdAt'
  | 'updatedAt'
  | 'organisationRef'
  | 'programmeRef'
  | 'referralSourceRef'
  | 'submittedByUserRef'
  | 'submittedAt'
  | 'triagedAt'
  | 'proposedAt'
  | 'matchedAt'
  | 'closedAt'
  | 'endedAt'
>;

export interface RequestListFilter {
  statuses?: RequestStatus[];
  kind?: ProgrammeKind;
  programmeId?: string;
  /** Referrers: only their own source. */
  referralSourceId?: string;
  skip: number;
  take: number;
}

/** Requests with their client. Every query is scoped by organisation (and, for referrers, by source). */
@Injectable()
export class RequestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(organisationId: string, id: string, referralSourceId?: string): Promise<Request | null> {
    return this.dataSource.getRepository(Request).findOne({
      where: { organisationId, id, ...(referralSourceId ? { referralSourceId } : {}) },
      relations: { client: true },
    });
  }

  /** Several requests with their clients, by id (for lists of matches, offers and visits). */
  async findMany(organisationId: string, ids: string[]): Promise<Map<string, Request>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(Request).find({ where: { organisationId, id: In([...new Set(ids)]) }, relations: { client: true } });
    return new Map(rows.map((r) => [r.id, r]));
  }

  async list(organisationId: string, filter: RequestListFilter): Promise<[Request[], number]> {
    const query = this.dataSource
      .getRepository(Request)
      .createQueryBuilder('r')
      .leftJoinAndSelect('r.client', 'c')
      .where('r.organisationId = :organisationId', { organisationId })
      .orderBy('r.submittedAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .skip(filter.skip)
      .take(filter.take);
    if (filter.statuses?.length) query.andWhere('r.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter.kind) query.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.programmeId) query.andWhere('r.programmeId = :programmeId', { programmeId: filter.programmeId });
    if (filter.referralSourceId) query.andWhere('r.referralSourceId = :referralSourceId', { referralSourceId: filter.referralSourceId });
    return query.getManyAndCount();
  }

  async findClient(organisationId: string, id: string, referralSourceId?: string): Promise<Client | null> {
    return this.dataSource.getRepository(Client).findOne({ where: { organisationId, id, ...(referralSourceId ? { referralSourceId } : {}) } });
  }

  /** Creates the request, and its client when it is new, in one transaction; `effects` runs in it too. */
  async create(
    organisationId: string,
    client: { id: string } | ClientData,
    request: Omit<RequestData, 'clientId'>,
    effects?: (manager: EntityManager, created: Request) => Promise<void>,
  ): Promise<Request> {
    const id = await this.dataSource.transaction(async (manager) => {
      const clientId = 'id' in client ? client.id : (await manager.getRepository(Client).save({ ...client, organisationId })).id;
      const saved = await manager.getRepository(Request).save({ ...request, clientId, organisationId, status: 'submitted' as const });
      await effects?.(manager, saved);
      return saved.id;
    });
    return (await this.find(organisationId, id)) as Request;
  }

  /**
   * Changes fields (and the client's) under a row lock; `check` sees the locked row first, `effects`
   * run in the same transaction after the change.
   */
  async update(
    organisationId: string,
    id: string,
    check: (current: Request) => void,
    patch: Partial<RequestData>,
    clientPatch: Partial<ClientData>,
    thenStatus?: RequestStatus,
    effects?: (manager: EntityManager, current: Request) => Promise<void>,
  ): Promise<Request> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, organisationId, id);
      check(current);
      if (Object.keys(clientPatch).length > 0) await manager.getRepository(Client).update({ id: current.clientId, organisationId }, clientPatch);
      const statusPatch = thenStatus && thenStatus !== current.status ? this.statusPatch(current.status, thenStatus, null) : {};
      if (Object.keys(patch).length + Object.keys(statusPatch).length > 0) {
        await manager.getRepository(Request).update({ id, organisationId }, { ...patch, ...statusPatch } as never);
      }
      await effects?.(manager, current);
    });
    return (await this.find(organisationId, id)) as Request;
  }

  /**
   * Moves a request to another status: the row is locked, the move checked by the status machine
   * (409 otherwise), and the status, its reason and its timestamp written together.
   */
  async transition(
    organisationId: string,
    id: string,
    to: RequestStatus,
    reason: string | null,
    options: { check?: (current: Request) => void; effects?: (manager: EntityManager, current: Request) => Promise<void> } = {},
  ): Promise<Request> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, organisationId, id);
      options.check?.(current);
      await this.move(manager, current, to, reason);
      await options.effects?.(manager, current);
    });
    return (await this.find(organisationId, id)) as Request;
  }

  /**
   * Locks a request inside the caller's transaction. Code that changes a request's matches or offers
   * locks the request first, so such changes never run side by side (and never deadlock).
   */
  async lock(manager: EntityManager, organisationId: string, id: string): Promise<Request> {
    const current = await manager.getRepository(Request).findOne({ where: { organisationId, id }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw new NotFoundError('Request', id);
    return current;
  }

  /**
   * A volunteer who stops (paused, inactive) is withdrawn from their open proposals and vigil offers
   * inside the caller's transaction, before the volunteer row changes; a request left without a live
   * proposal goes back to triaged. Requests are locked first, in id order: request → match/offer →
   * volunteer, as everywhere. By table name: the matches library builds on this one.
   */
  async withdrawVolunteer(manager: EntityManager, organisationId: string, volunteerId: string, reason: string): Promise<void> {
    const open: Array<{ request_id: string }> = await manager.query(
      `SELECT request_id FROM match WHERE organisation_id = $1 AND volunteer_id = $2 AND status = 'proposed'
       UNION
       SELECT request_id FROM vigil_offer WHERE organisation_id = $1 AND volunteer_id = $2 AND status = 'sent'
       ORDER BY request_id`,
      [organisationId, volunteerId],
    );
    for (const { request_id: requestId } of open) {
      const request = await this.lock(manager, organisationId, requestId);
      await manager.query(`UPDATE match SET status = 'withdrawn', responded_at = now(), note = $3 WHERE request_id = $1 AND volunteer_id = $2 AND status = 'proposed'`, [requestId, volunteerId, reason]);
      await manager.query(`UPDATE vigil_offer SET status = 'withdrawn', closed_at = now() WHERE request_id = $1 AND volunteer_id = $2 AND status = 'sent'`, [requestId, volunteerId]);
      const [{ live }] = await manager.query(`SELECT count(*)::int AS live FROM match WHERE request_id = $1 AND status IN ('proposed', 'active')`, [requestId]);
      if (live === 0 && request.status === 'proposed') await this.move(manager, request, 'triaged', reason);
    }
  }

  /** Moves a request locked by `lock` to another status, inside the caller's transaction (409 if the machine forbids it). */
  async move(manager: EntityManager, current: Request, to: RequestStatus, reason: string | null): Promise<void> {
    await manager.getRepository(Request).update({ id: current.id, organisationId: current.organisationId }, this.statusPatch(current.status, to, reason) as never);
  }

  private statusPatch(from: RequestStatus, to: RequestStatus, reason: string | null): Record<string, unknown> {
    assertTransition(from, to);
    const column = timestampFor(to);
    return { status: to, statusReason: reason, ...(column ? { [column]: new Date() } : {}) };
  }

}
