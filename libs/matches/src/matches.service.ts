import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError, Page, Principal } from '@app/core';
import { DEFAULT_LOCALE, I18nService, phrase } from '@app/i18n';
import { MatchingService } from '@app/matching';
import { Client, Request, RequestRepository } from '@app/referrals';
import { EntityManager } from 'typeorm';
import { ClientForVisits, clientForVisits, ClientPreview, clientPreview } from './client-view';
import { DeclineReason, EndReason } from './match-reasons';
import { Match, MatchScoreComponent, MatchStatus } from './match.entity';
import { MatchRepository } from './match.repository';

/** What a volunteer sees of a match: the client as a preview, or with address and phone while the match is active. */
export interface VolunteerMatchView {
  id: string;
  status: MatchStatus;
  requestId: string;
  clientId: string;
  proposedAt: Date;
  respondedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  declineReason: DeclineReason | null;
  endReason: EndReason | null;
  client: ClientPreview | ClientForVisits;
}

/** What a coordinator sees: the whole match, with the names of both people. */
export interface CoordinatorMatchView extends Omit<VolunteerMatchView, 'client'> {
  volunteerId: string;
  score: number;
  breakdown: Array<Omit<MatchScoreComponent, 'reason'> & { reason: string }>;
  note: string | null;
  client: { firstName: string; lastName: string };
  volunteer: { firstName: string; lastName: string };
}

export type MatchView = VolunteerMatchView | CoordinatorMatchView;

/** The volunteer's own profile id; volunteers see and answer only what was asked of them. */
export function ownVolunteerId(actor: Principal): string | undefined {
  if (actor.role !== 'volunteer') return undefined;
  if (!actor.volunteerId) throw new ForbiddenError(phrase('errors.forbidden_volunteer_unlinked'));
  return actor.volunteerId;
}

/**
 * Matches as volunteers and coordinators use them. A volunteer sees only their own matches (another
 * volunteer's is 404) and of the client only the allow-listed fields of client-view.ts.
 */
@Injectable()
export class MatchesService {
  constructor(
    private readonly matches: MatchRepository,
    private readonly requests: RequestRepository,
    private readonly matching: MatchingService,
    private readonly i18n: I18nService,
  ) {}

  async list(actor: Principal, filter: { statuses?: MatchStatus[]; requestId?: string; volunteerId?: string; page: number; pageSize: number }): Promise<Page<MatchView>> {
    const own = ownVolunteerId(actor);
    const [items, total] = await this.matches.list(actor.organisationId, {
      statuses: filter.statuses,
      requestId: filter.requestId,
      volunteerId: own ?? filter.volunteerId,
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items: await this.views(actor, items), total, page: filter.page, pageSize: filter.pageSize };
  }

  async get(actor: Principal, id: string): Promise<MatchView> {
    return (await this.views(actor, [await this.find(actor, id)]))[0];
  }

  /** Finds a match the caller may see (404 otherwise). */
  async find(actor: Principal, id: string): Promise<Match> {
    const match = await this.matches.find(actor.organisationId, id, ownVolunteerId(actor));
    if (!match) throw new NotFoundError('Match', id);
    return match;
  }

  async accept(actor: Principal, id: string): Promise<MatchView> {
    const recheck = (manager: EntityManager, requestId: string, volunteerId: string) => this.matching.assertStillEligible(manager, actor.organisationId, requestId, volunteerId);
    return this.get(actor, (await this.matches.accept(actor.organisationId, id, ownVolunteerId(actor) as string, recheck)).id);
  }

  async decline(actor: Principal, id: string, reason: DeclineReason, note: string | null): Promise<MatchView> {
    return this.get(actor, (await this.matches.decline(actor.organisationId, id, ownVolunteerId(actor) as string, reason, note)).id);
  }

  async withdraw(actor: Principal, id: string, note: string | null): Promise<MatchView> {
    return this.get(actor, (await this.matches.withdraw(actor.organisationId, id, note)).id);
  }

  async end(actor: Principal, id: string, reason: EndReason, note: string | null): Promise<MatchView> {
    return this.get(actor, (await this.matches.end(actor.organisationId, id, actor.userId, reason, note)).id);
  }

  private async views(actor: Principal, matches: Match[]): Promise<MatchView[]> {
    const requests = await this.requests.findMany(actor.organisationId, matches.map((m) => m.requestId));
    if (actor.role === 'volunteer') return matches.map((m) => volunteerView(m, requests.get(m.requestId) as Request));
    const volunteers = await this.matches.volunteerNames(matches.map((m) => m.volunteerId));
    return matches.map((m) => {
      const client = (requests.get(m.requestId) as Request).client as Client;
      const { client: _preview, ...base } = volunteerView(m, requests.get(m.requestId) as Request);
      return {
        ...base,
        volunteerId: m.volunteerId,
        score: m.score,
        breakdown: m.breakdown.map((c) => ({ ...c, reason: this.i18n.render(actor.locale ?? DEFAULT_LOCALE, c.reason) })),
        note: m.note,
        client: { firstName: client.firstName, lastName: client.lastName },
        volunteer: volunteers.get(m.volunteerId) as { firstName: string; lastName: string },
      };
    });
  }
}

function volunteerView(match: Match, request: Request): VolunteerMatchView {
  const client = request.client as Client;
  return {
    id: match.id,
    status: match.status,
    requestId: match.requestId,
    clientId: match.clientId,
    proposedAt: match.proposedAt,
    respondedAt: match.respondedAt,
    startedAt: match.startedAt,
    endedAt: match.endedAt,
    declineReason: match.declineReason,
    endReason: match.endReason,
    // The address and phone only while the match runs: before accepting the volunteer decides, after it ends they no longer visit.
    client: match.status === 'active' ? clientForVisits(request, client) : clientPreview(request, client),
  };
}
