import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, NotFoundError, RequestStatus } from '@app/core';
import { JobName, OutboxRepository } from '@app/outbox';
import { RequestRepository } from '@app/referrals';
import { DataSource, EntityManager, In } from 'typeorm';
import { Match } from './match.entity';
import { MatchRepository, Recheck } from './match.repository';
import { OfferStatus, VigilOffer } from './vigil-offer.entity';
import { VisitRepository } from './visit.repository';
import { splitIntoVisits } from './visit-times';

export interface OfferListFilter {
  volunteerId?: string;
  requestId?: string;
  statuses?: OfferStatus[];
  skip: number;
  take: number;
}

/** Late or repeated answers get a friendly 409 that says what happened. */
const CLOSED: Record<Exclude<OfferStatus, 'sent' | 'accepted'>, string> = { withdrawn: 'offer_taken', expired: 'offer_expired', declined: 'offer_declined' };
/** Withdrawn while nobody has the vigil (the volunteer was paused, or the request cancelled): not "taken". */
const WITHDRAWN_UNTAKEN = 'offer_withdrawn';

/** Vigil offers: written by the wave job, answered by volunteers. */
@Injectable()
export class VigilOfferRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestRepository,
    private readonly matches: MatchRepository,
    private readonly visits: VisitRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async find(organisationId: string, id: string, volunteerId?: string): Promise<VigilOffer | null> {
    return this.dataSource.getRepository(VigilOffer).findOne({ where: { organisationId, id, ...(volunteerId ? { volunteerId } : {}) } });
  }

  async findMany(organisationId: string, ids: string[]): Promise<VigilOffer[]> {
    return this.dataSource.getRepository(VigilOffer).find({ where: { organisationId, id: In(ids) }, order: { id: 'ASC' } });
  }

  async list(organisationId: string, filter: OfferListFilter): Promise<[VigilOffer[], number]> {
    const query = this.dataSource
      .getRepository(VigilOffer)
      .createQueryBuilder('o')
      .where('o.organisationId = :organisationId', { organisationId })
      .orderBy('o.sentAt', 'DESC')
      .addOrderBy('o.id', 'ASC')
      .skip(filter.skip)
      .take(filter.take);
    if (filter.volunteerId) query.andWhere('o.volunteerId = :volunteerId', { volunteerId: filter.volunteerId });
    if (filter.requestId) query.andWhere('o.requestId = :requestId', { requestId: filter.requestId });
    if (filter.statuses?.length) query.andWhere('o.status = ANY(:statuses)', { statuses: filter.statuses });
    return query.getManyAndCount();
  }

  /**
   * The first volunteer to accept gets the shift. Every accept of one vigil queues on the request's
   * row lock; the winner's offer becomes `accepted` (the partial unique index `uq_vigil_offer_accepted`
   * allows one per request), the match starts with confirmed visits covering the window, and the other
   * open offers are withdrawn, so everyone after the winner finds their offer closed.
   */
  async accept(organisationId: string, id: string, volunteerId: string, recheck: Recheck): Promise<VigilOffer> {
    const found = await this.find(organisationId, id, volunteerId);
    if (!found) throw new NotFoundError('Offer', id);
    if (found.status === 'accepted') return found; // a second tap of the same volunteer
    // Closed already: answer at once, without queueing for the lock.
    if (found.status !== 'sent') this.assertOpen(found, await this.requestStatus(found.requestId));
    await this.dataSource.transaction(async (manager) => {
      const request = await this.requests.lock(manager, organisationId, found.requestId);
      const offer = await this.lockOffer(manager, id); // the decision is made here, under the lock
      if (offer.status === 'accepted') return;
      this.assertOpen(offer, request.status);
      if (request.status !== 'triaged') throw new ConflictError(CLOSED.withdrawn);
      await this.matches.lockVolunteer(manager, volunteerId);
      await recheck(manager, request.id, volunteerId);
      const match = await manager.getRepository(Match).save({
        organisationId,
        requestId: request.id,
        clientId: request.clientId,
        volunteerId,
        status: 'active' as const,
        score: offer.score,
        breakdown: offer.breakdown,
        startedAt: new Date(),
        respondedAt: new Date(),
      });
      await manager.update(VigilOffer, { id }, { status: 'accepted', closedAt: new Date(), matchId: match.id });
      const others = await manager.getRepository(VigilOffer).find({ where: { requestId: request.id, status: 'sent' } });
      await this.matches.start(manager, request, match);
      // The colleagues still holding the offer hear it was taken (their offer is withdrawn by `start`);
      // written by a job, so the accepts queueing on this request's lock do not wait for it.
      if (others.length > 0) await this.outbox.add(manager, JobName.VigilTaken, { organisationId, requestId: request.id, offerIds: others.map((o) => o.id) });
      // Visits are at most a day long, so a long vigil is covered by several, back to back.
      for (const times of splitIntoVisits(request.vigilWindowStart as Date, request.vigilWindowEnd as Date)) {
        await this.visits.insert(manager, match, { ...times, status: 'confirmed', note: null, plannedByUserId: null });
      }
    });
    return (await this.find(organisationId, id)) as VigilOffer;
  }

  async decline(organisationId: string, id: string, volunteerId: string, reason: string | null): Promise<VigilOffer> {
    const found = await this.find(organisationId, id, volunteerId);
    if (!found) throw new NotFoundError('Offer', id);
    await this.dataSource.transaction(async (manager) => {
      const request = await this.requests.lock(manager, organisationId, found.requestId);
      const offer = await this.lockOffer(manager, id);
      if (offer.status === 'declined') return;
      if (offer.status === 'accepted') throw new ConflictError('offer_accepted');
      this.assertOpen(offer, request.status);
      await manager.update(VigilOffer, { id }, { status: 'declined', closedAt: new Date(), declineReason: reason });
    });
    return (await this.find(organisationId, id)) as VigilOffer;
  }

  private async lockOffer(manager: EntityManager, id: string): Promise<VigilOffer> {
    return (await manager.getRepository(VigilOffer).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) as VigilOffer;
  }

  private async requestStatus(requestId: string): Promise<RequestStatus> {
    const [row] = await this.dataSource.query(`SELECT status FROM request WHERE id = $1`, [requestId]);
    return row.status;
  }

  private assertOpen(offer: VigilOffer, requestStatus: RequestStatus): void {
    if (offer.status !== 'sent') {
      const taken = requestStatus === 'matched' || requestStatus === 'closed';
      const closed = offer.status === 'withdrawn' && !taken ? WITHDRAWN_UNTAKEN : CLOSED[offer.status as keyof typeof CLOSED];
      throw new ConflictError(closed, undefined, { status: offer.status });
    }
  }
}
