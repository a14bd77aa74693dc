import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, Coordinates, NotFoundError } from '@app/core';
import { JobName, OutboxRepository } from '@app/outbox';
import { Request, RequestRepository } from '@app/referrals';
import { DataSource, EntityManager } from 'typeorm';
import { DeclineReason, END_REASON_WORDS, EndReason } from './match-reasons';
import { Match, MatchStatus } from './match.entity';
import { phrase, Phrase } from '@app/i18n';

/** The hard rules applied again inside an accept's transaction; throws when one fails (the matcher supplies it). */
export type Recheck = (manager: EntityManager, requestId: string, volunteerId: string) => Promise<void>;

export interface MatchListFilter {
  volunteerId?: string;
  requestId?: string;
  statuses?: MatchStatus[];
  skip: number;
  take: number;
}

/** Why a proposal can no longer be answered, by the match's status. */
const NOT_OPEN: Record<Exclude<MatchStatus, 'proposed'>, Phrase> = {
  active: phrase('errors.match_not_open_active'),
  declined: phrase('errors.match_not_open_declined'),
  withdrawn: phrase('errors.match_not_open_withdrawn'),
  ended: phrase('errors.match_not_open_ended'),
};

/**
 * Matches and every change to them. A change locks the request first, then the match, then the
 * volunteer: the same order everywhere, so concurrent accepts queue up instead of deadlocking.
 */
@Injectable()
export class MatchRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async find(organisationId: string, id: string, volunteerId?: string): Promise<Match | null> {
    return this.dataSource.getRepository(Match).findOne({ where: { organisationId, id, ...(volunteerId ? { volunteerId } : {}) } });
  }

  async list(organisationId: string, filter: MatchListFilter): Promise<[Match[], number]> {
    const query = this.dataSource
      .getRepository(Match)
      .createQueryBuilder('m')
      .where('m.organisationId = :organisationId', { organisationId })
      .orderBy('m.proposedAt', 'DESC')
      .addOrderBy('m.id', 'ASC')
      .skip(filter.skip)
      .take(filter.take);
    if (filter.volunteerId) query.andWhere('m.volunteerId = :volunteerId', { volunteerId: filter.volunteerId });
    if (filter.requestId) query.andWhere('m.requestId = :requestId', { requestId: filter.requestId });
    if (filter.statuses?.length) query.andWhere('m.status = ANY(:statuses)', { statuses: filter.statuses });
    return query.getManyAndCount();
  }

  /** Where a volunteer lives (for the distance a vigil offer shows them). */
  async volunteerLocation(organisationId: string, id: string): Promise<Coordinates | null> {
    const [row]: Array<{ lat: number; lon: number }> = await this.dataSource.query(`SELECT lat, lon FROM volunteer WHERE id = $1 AND organisation_id = $2`, [id, organisationId]);
    return row ? { lat: row.lat, lon: row.lon } : null;
  }

  async volunteerNames(ids: string[]): Promise<Map<string, { firstName: string; lastName: string }>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; first_name: string; last_name: string }> = await this.dataSource.query(
      `SELECT id, first_name, last_name FROM volunteer WHERE id = ANY($1)`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, { firstName: r.first_name, lastName: r.last_name }]));
  }

  /**
   * The volunteer accepts a proposal: the match starts and the request is matched. Accepting twice
   * is harmless. `recheck` applies the hard rules again once the volunteer is locked.
   */
  async accept(organisationId: string, id: string, volunteerId: string, recheck: Recheck): Promise<Match> {
    return this.change(organisationId, id, volunteerId, async (manager, match, request) => {
      if (match.status === 'active') return;
      this.assertProposed(match);
      await this.lockVolunteer(manager, match.volunteerId);
      await recheck(manager, request.id, match.volunteerId);
      await manager.update(Match, { id }, { status: 'active', startedAt: new Date(), respondedAt: new Date() });
      await this.start(manager, request, { ...match, status: 'active' });
    });
  }

  async decline(organisationId: string, id: string, volunteerId: string, reason: DeclineReason, note: string | null): Promise<Match> {
    return this.change(organisationId, id, volunteerId, async (manager, match, request) => {
      this.assertProposed(match);
      await manager.update(Match, { id }, { status: 'declined', declineReason: reason, note, respondedAt: new Date() });
      await this.reopenIfNoProposalLeft(manager, request, 'The proposed volunteer declined');
    });
  }

  async withdraw(organisationId: string, id: string, note: string | null): Promise<Match> {
    return this.change(organisationId, id, undefined, async (manager, match, request) => {
      this.assertProposed(match);
      await manager.update(Match, { id }, { status: 'withdrawn', note, respondedAt: new Date() });
      await this.reopenIfNoProposalLeft(manager, request, 'The proposal was withdrawn');
    });
  }

  /** Ends an active match: future visits are cancelled, the request closes, `match.ended` is written. */
  async end(organisationId: string, id: string, userId: string | null, reason: EndReason, note: string | null): Promise<Match> {
    return this.change(organisationId, id, undefined, async (manager, match, request) => {
      if (match.status !== 'active') {
        throw new ConflictError('match_not_active', match.status === 'ended' ? NOT_OPEN.ended : phrase('errors.match_not_active_end'));
      }
      await this.endIn(manager, request, match, userId, reason, note);
    });
  }

  /** Ends an active match inside the caller's transaction (the request is already locked). */
  async endIn(manager: EntityManager, request: Request, match: Match, userId: string | null, reason: EndReason, note: string | null): Promise<void> {
    await manager.update(Match, { id: match.id }, { status: 'ended', endedAt: new Date(), endReason: reason, note, endedByUserId: userId });
    await manager.query(
      `UPDATE visit SET status = 'cancelled', cancelled_at = now(), reason = 'The match ended', updated_at = now()
        WHERE match_id = $1 AND status IN ('planned', 'confirmed') AND starts_at > now()`,
      [match.id],
    );
    if (request.status === 'matched') await this.requests.move(manager, request, 'closed', END_REASON_WORDS[reason]);
    await this.outbox.add(manager, JobName.MatchEnded, { organisationId: match.organisationId, matchId: match.id });
  }

  /**
   * What every match start shares (a proposal accepted, or a vigil offer; the volunteer was locked
   * and re-checked): other proposals and open vigil offers for the request are withdrawn, the
   * request is matched, and `match.started` and `request.matched` are written.
   */
  async start(manager: EntityManager, request: Request, match: Match): Promise<void> {
    await manager.query(
      `UPDATE match SET status = 'withdrawn', responded_at = now(), note = 'Another volunteer accepted'
        WHERE request_id = $1 AND status = 'proposed' AND id <> $2`,
      [request.id, match.id],
    );
    await manager.query(`UPDATE vigil_offer SET status = 'withdrawn', closed_at = now() WHERE request_id = $1 AND status = 'sent'`, [request.id]);
    await this.requests.move(manager, request, 'matched', null);
    const ids = { organisationId: match.organisationId, matchId: match.id };
    await this.outbox.add(manager, JobName.MatchStarted, ids);
    await this.outbox.add(manager, JobName.RequestMatched, { ...ids, requestId: request.id });
  }

  /**
   * Locks the volunteer while an accept checks their rules (capacity counts their active matches
   * and bookings). FOR NO KEY UPDATE, not FOR UPDATE: the new match and visit rows hold a KEY SHARE
   * lock on the volunteer through their foreign keys, and FOR UPDATE would deadlock two accepts of
   * the same volunteer against each other's KEY SHARE.
   */
  async lockVolunteer(manager: EntityManager, volunteerId: string): Promise<void> {
    await manager.query(`SELECT id FROM volunteer WHERE id = $1 FOR NO KEY UPDATE`, [volunteerId]);
  }

  private assertProposed(match: Match): void {
    if (match.status !== 'proposed') throw new ConflictError('match_not_open', NOT_OPEN[match.status], { status: match.status });
  }

  /** Without a live proposal the request goes back to triaged, to be matched again. */
  private async reopenIfNoProposalLeft(manager: EntityManager, request: Request, reason: string): Promise<void> {
    const [{ live }] = await manager.query(`SELECT count(*)::int AS live FROM match WHERE request_id = $1 AND status IN ('proposed', 'active')`, [request.id]);
    if (live === 0 && request.status === 'proposed') await this.requests.move(manager, request, 'triaged', reason);
  }

  /** Locks request, then match; runs `apply`; returns the match as stored. */
  private async change(
    organisationId: string,
    id: string,
    volunteerId: string | undefined,
    apply: (manager: EntityManager, match: Match, request: Request) => Promise<void>,
  ): Promise<Match> {
    const found = await this.find(organisationId, id, volunteerId);
    if (!found) throw new NotFoundError('Match', id);
    await this.dataSource.transaction(async (manager) => {
      const request = await this.requests.lock(manager, organisationId, found.requestId);
      const match = (await manager.getRepository(Match).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) as Match;
      await apply(manager, match, request);
    });
    return (await this.find(organisationId, id)) as Match;
  }
}
