import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, NotFoundError } from '@app/core';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Match } from './match.entity';
import { Visit, VisitStatus } from './visit.entity';

export interface VisitListFilter {
  matchId?: string;
  volunteerId?: string;
  from?: Date;
  to?: Date;
  statuses?: VisitStatus[];
  skip: number;
  take: number;
}

export type NewVisit = Pick<Visit, 'startsAt' | 'endsAt' | 'status' | 'note' | 'plannedByUserId'> & Partial<Pick<Visit, 'completedAt'>>;

const PG_EXCLUSION_VIOLATION = '23P01';

/** Visits. Double booking is refused by the `xcl_visit_volunteer_overlap` constraint, reported here as 409. */
@Injectable()
export class VisitRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(organisationId: string, id: string, volunteerId?: string): Promise<Visit | null> {
    return this.dataSource.getRepository(Visit).findOne({ where: { organisationId, id, ...(volunteerId ? { volunteerId } : {}) } });
  }

  async list(organisationId: string, filter: VisitListFilter): Promise<[Visit[], number]> {
    const query = this.dataSource
      .getRepository(Visit)
      .createQueryBuilder('v')
      .where('v.organisationId = :organisationId', { organisationId })
      .orderBy('v.startsAt', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .skip(filter.skip)
      .take(filter.take);
    if (filter.matchId) query.andWhere('v.matchId = :matchId', { matchId: filter.matchId });
    if (filter.volunteerId) query.andWhere('v.volunteerId = :volunteerId', { volunteerId: filter.volunteerId });
    if (filter.from) query.andWhere('v.endsAt > :from', { from: filter.from });
    if (filter.to) query.andWhere('v.startsAt < :to', { to: filter.to });
    if (filter.statuses?.length) query.andWhere('v.status = ANY(:statuses)', { statuses: filter.statuses });
    return query.getManyAndCount();
  }

  /**
   * Adds a visit within an active match (the match row is locked so it cannot end meanwhile);
   * `check` sees the locked match, `effects` run with the new visit in the same transaction.
   */
  async create(
    organisationId: string,
    matchId: string,
    visit: NewVisit,
    options: { check?: (match: Match) => void; effects?: (manager: EntityManager, visitId: string) => Promise<void> } = {},
  ): Promise<Visit> {
    const id = await this.dataSource.transaction(async (manager) => {
      const match = await manager.getRepository(Match).findOne({ where: { organisationId, id: matchId }, lock: { mode: 'pessimistic_read' } });
      if (!match) throw new NotFoundError('Match', matchId);
      if (match.status !== 'active') throw new ConflictError('match_not_active');
      options.check?.(match);
      const visitId = await this.insert(manager, match, visit);
      await options.effects?.(manager, visitId);
      return visitId;
    });
    return (await this.find(organisationId, id)) as Visit;
  }

  /** Inserts inside the caller's transaction; an overlapping booking of the volunteer is a 409. */
  async insert(manager: EntityManager, match: Pick<Match, 'id' | 'organisationId' | 'volunteerId' | 'clientId'>, visit: NewVisit): Promise<string> {
    try {
      const saved = await manager.getRepository(Visit).save({
        ...visit,
        organisationId: match.organisationId,
        matchId: match.id,
        volunteerId: match.volunteerId,
        clientId: match.clientId,
        confirmedAt: visit.status === 'confirmed' ? new Date() : null,
      });
      return saved.id;
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { code?: string }).code === PG_EXCLUSION_VIOLATION) {
        throw new ConflictError('visit_overlap');
      }
      throw error;
    }
  }

  /** Moves a visit under a row lock; `check` sees the locked row and throws when the move is not allowed. */
  async update(
    organisationId: string,
    id: string,
    check: (current: Visit) => void,
    patch: Partial<Omit<Visit, 'matchRef' | 'volunteerRef'>>,
    effects?: (manager: EntityManager) => Promise<void>,
  ): Promise<Visit> {
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.getRepository(Visit).findOne({ where: { organisationId, id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundError('Visit', id);
      check(current);
      await manager.getRepository(Visit).update({ id }, patch);
      await effects?.(manager);
    });
    return (await this.find(organisationId, id)) as Visit;
  }
}
