import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ageOn, ConflictError, NotFoundError, Principal } from '@app/core';
import { DEFAULT_LOCALE, I18nService, Locale, Phrase, phrase } from '@app/i18n';
import { assertTransition, RequestRepository } from '@app/referrals';
import { NotificationKind, NotificationRepository, Notifier } from '@app/notifications';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { CandidateRepository, CandidateVolunteer, ProposedMatch, RequestForMatching } from './candidate.repository';
import { AssignmentEdge, solveAssignment } from './assignment';
import { checkEligibility, explainEligibility } from './eligibility';
import { scoreVolunteer } from './score';
import { MatchRequest, RuleName, ScoreComponent, ShownComponent } from './types';

/** An eligible volunteer as the core scored them: reasons are phrases (stored as they are). */
export interface ScoredCandidate {
  volunteerId: string;
  firstName: string;
  lastName: string;
  score: number;
  distanceKm: number;
  components: ScoreComponent[];
}

/** A candidate as the coordinator reads it: reasons in their language. */
export type RankedCandidate = Omit<ScoredCandidate, 'components'> & { components: ShownComponent[] };

export interface ExcludedVolunteer {
  volunteerId: string;
  firstName: string;
  lastName: string;
  distanceKm: number;
  rule: RuleName;
  reason: string;
}

/** Why one volunteer is or is not a candidate: every rule's outcome, and the score when eligible. */
export interface VolunteerExplanation {
  requestId: string;
  clientId: string;
  volunteerId: string;
  firstName: string;
  lastName: string;
  eligible: boolean;
  distanceKm: number;
  /** The first rule that fails, as the candidate list's `excluded` names it. */
  rule?: RuleName;
  reason?: string;
  rules: Array<{ rule: RuleName; passed: boolean; reason: string }>;
  score?: number;
  components?: ShownComponent[];
}

export interface CandidateList {
  requestId: string;
  clientId: string;
  candidates: RankedCandidate[];
  excluded?: ExcludedVolunteer[];
}

/** How many prefiltered volunteers the core checks and scores before the top N is taken. */
const SHORT_LIST = 400;
/** Candidates per request in a batch assignment. */
const ASSIGN_CANDIDATES = 50;

export interface AssignInput {
  programmeId?: string;
  requestIds?: string[];
  dryRun: boolean;
}

export interface Proposal extends RankedCandidate {
  requestId: string;
  clientId: string;
  matchId?: string;
}

export interface AssignOutcome {
  dryRun: boolean;
  total: number;
  proposals: Proposal[];
  unassigned: Array<{ requestId: string; reason: string }>;
}

/** A proposal stored with its score breakdown, shown in the proposer's language. */
export type ShownProposedMatch = Omit<ProposedMatch, 'breakdown'> & { breakdown: ShownComponent[] };
const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day credentials must be valid on: the start date, the vigil's first day, or today. */
function startDateOf(request: RequestForMatching): string {
  if (request.startDate) return request.startDate;
  return amsterdamDay.format(request.vigilWindowStart ?? new Date());
}

function toMatchRequest(request: RequestForMatching, startDate: string): MatchRequest {
  return {
    id: request.id,
    clientId: request.clientId,
    kind: request.kind,
    requiredCredentials: request.requiredCredentials,
    programmeMaxDistanceKm: request.programmeMaxDistanceKm,
    weights: request.weights,
    startDate,
    location: { lat: request.lat, lon: request.lon },
    desiredMask: request.desiredMask,
    vigilWindow: request.vigilWindowStart && request.vigilWindowEnd ? { start: request.vigilWindowStart, end: request.vigilWindowEnd } : null,
    clientAge: ageOn(request.clientBirthDate, startDate),
    diagnosisGroup: request.diagnosisGroup,
    requiredLanguage: request.preferences.language ?? null,
    excludedVolunteerIds: new Set(request.excludedVolunteerIds),
    previousVolunteerIds: new Set(request.previousVolunteerIds),
  };
}

/**
 * Ranking: SQL narrows the organisation's volunteers to a short list; the pure core applies every
 * hard rule and scores what is left, with reasons. Proposing re-checks the same rules.
 */
@Injectable()
export class MatchingService {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly requests: RequestRepository,
    private readonly i18n: I18nService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly notifier: Notifier,
  ) {}

  private shown(locale: Locale, components: ScoreComponent[]): ShownComponent[] {
    return components.map((c) => ({ ...c, reason: this.i18n.render(locale, c.reason) }));
  }

  /** The proposed volunteer hears it, in the proposal's transaction. */
  private async notifyProposal(manager: EntityManager, organisationId: string, match: { id: string; requestId: string; volunteerId: string }): Promise<void> {
    const params = await this.notifications.aboutRequest(match.requestId, manager);
    await this.notifier.notifyVolunteer(organisationId, match.volunteerId, NotificationKind.MatchProposed, `match.proposed:${match.id}`, { params, path: `/matches/${match.id}` }, manager);
  }

  private async request(actor: Principal, requestId: string): Promise<RequestForMatching> {
    const request = await this.candidates.loadRequest(actor.organisationId, requestId);
    if (!request) throw new NotFoundError('Request', requestId);
    return request;
  }

  /** Every eligible volunteer of the short list, best first, with free capacity (used by rank, assign and the vigil waves). */
  async eligible(organisationId: string, request: RequestForMatching): Promise<Array<ScoredCandidate & { capacity: number }>> {
    const startDate = startDateOf(request);
    const core = toMatchRequest(request, startDate);
    const ranked = [];
    for (const volunteer of await this.candidates.prefilter(organisationId, request, startDate, SHORT_LIST)) {
      const eligibility = checkEligibility(core, volunteer);
      if (!eligibility.eligible) continue; // e.g. declined before, or away during the vigil
      const score = scoreVolunteer(core, volunteer, eligibility.distanceKm);
      ranked.push({
        ...this.who(volunteer),
        score: score.total,
        distanceKm: round(eligibility.distanceKm),
        components: score.components,
        capacity: volunteer.maxConcurrentClients - volunteer.activeClients,
      });
    }
    return ranked.sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || a.volunteerId.localeCompare(b.volunteerId));
  }

  async loadRequest(organisationId: string, requestId: string): Promise<RequestForMatching | null> {
    return this.candidates.loadRequest(organisationId, requestId);
  }

  async rank(actor: Principal, requestId: string, limit: number, explainExcluded: boolean): Promise<CandidateList> {
    const request = await this.request(actor, requestId);
    const locale = actor.locale ?? DEFAULT_LOCALE;
    const ranked = (await this.eligible(actor.organisationId, request))
      .slice(0, limit)
      .map(({ capacity: _capacity, components, ...candidate }) => ({ ...candidate, components: this.shown(locale, components) }));
    const result: CandidateList = { requestId, clientId: request.clientId, candidates: ranked };
    if (explainExcluded) {
      const startDate = startDateOf(request);
      const core = toMatchRequest(request, startDate);
      const nearby = await this.candidates.nearby(actor.organisationId, request, startDate, limit * 3);
      result.excluded = nearby
        .map((volunteer) => ({ volunteer, eligibility: checkEligibility(core, volunteer) }))
        .filter(({ eligibility }) => !eligibility.eligible)
        .slice(0, limit)
        .map(({ volunteer, eligibility }) => {
          const failed = eligibility as Extract<typeof eligibility, { eligible: false }>;
          return { ...this.who(volunteer), distanceKm: round(failed.distanceKm), rule: failed.rule, reason: this.i18n.render(locale, failed.reason) };
        });
    }
    return result;
  }

  /** Every hard rule for one volunteer of the organisation (404 otherwise), and the score when all pass. Reads only. */
  async explain(actor: Principal, requestId: string, volunteerId: string): Promise<VolunteerExplanation> {
    const request = await this.request(actor, requestId);
    const startDate = startDateOf(request);
    const core = toMatchRequest(request, startDate);
    const volunteer = await this.candidates.findVolunteer(actor.organisationId, request, volunteerId, startDate);
    if (!volunteer) throw new NotFoundError('Volunteer', volunteerId);
    const locale = actor.locale ?? DEFAULT_LOCALE;
    const explanation = explainEligibility(core, volunteer);
    const rules = explanation.rules.map((r) => ({ ...r, reason: this.i18n.render(locale, r.reason) }));
    const failed = rules.find((r) => !r.passed);
    const base = { requestId, clientId: request.clientId, ...this.who(volunteer), distanceKm: round(explanation.distanceKm), rules };
    if (failed) return { ...base, eligible: false, rule: failed.rule, reason: failed.reason };
    const score = scoreVolunteer(core, volunteer, explanation.distanceKm);
    return { ...base, eligible: true, score: score.total, components: this.shown(locale, score.components) };
  }

  /**
   * The hard rules again when a volunteer accepts a proposal or a vigil offer, inside the accept's
   * transaction (request, match or offer, and volunteer already locked): 409 with the rule that fails.
   * Full places for ongoing support keep their own code, `capacity_full`.
   */
  async assertStillEligible(manager: EntityManager, organisationId: string, requestId: string, volunteerId: string): Promise<void> {
    const request = (await this.candidates.loadRequest(organisationId, requestId, manager)) as RequestForMatching;
    const startDate = startDateOf(request);
    const core = toMatchRequest(request, startDate);
    const volunteer = (await this.candidates.findVolunteer(organisationId, request, volunteerId, startDate, manager)) as CandidateVolunteer;
    const eligibility = checkEligibility(core, volunteer);
    if (eligibility.eligible) return;
    if (eligibility.rule === 'capacity' && !core.vigilWindow) {
      const active = volunteer.activeClients;
      throw new ConflictError('capacity_full', phrase('errors.capacity_full', { clients: phrase('units.clients', { count: active }) }), {
        rule: 'capacity',
        active,
        max: volunteer.maxConcurrentClients,
      });
    }
    throw new ConflictError('not_eligible', phrase('errors.not_eligible', { reason: eligibility.reason }), { rule: eligibility.rule });
  }

  /** A coordinator proposes a volunteer: the rules are checked again, then match and status change in one transaction. */
  async propose(actor: Principal, requestId: string, volunteerId: string): Promise<ShownProposedMatch> {
    const request = await this.request(actor, requestId);
    const locale = actor.locale ?? DEFAULT_LOCALE;
    const startDate = startDateOf(request);
    const core = toMatchRequest(request, startDate);
    try {
      const match = await this.dataSource.transaction(async (manager) => {
        // A coordinator may ask several volunteers at once; the first to accept gets the match.
        const locked = await this.requests.lock(manager, actor.organisationId, requestId);
        if (locked.status !== 'proposed') assertTransition(locked.status, 'proposed');
        const volunteer = await this.candidates.findVolunteer(actor.organisationId, request, volunteerId, startDate, manager);
        if (!volunteer) throw new NotFoundError('Volunteer', volunteerId);
        const eligibility = checkEligibility(core, volunteer);
        if (!eligibility.eligible) {
          const name = `${volunteer.firstName} ${volunteer.lastName}`;
          throw new ConflictError('not_eligible', phrase('errors.not_eligible_proposal', { name, reason: eligibility.reason }), { rule: eligibility.rule });
        }
        const score = scoreVolunteer(core, volunteer, eligibility.distanceKm);
        const match = await this.candidates.saveProposal(manager, {
          organisationId: actor.organisationId,
          requestId,
          clientId: request.clientId,
          volunteerId,
          score: score.total,
          breakdown: score.components,
          proposedByUserId: actor.userId,
        });
        if (locked.status !== 'proposed') await this.requests.move(manager, locked, 'proposed', null);
        await this.notifyProposal(manager, actor.organisationId, match);
        return match;
      });
      return { ...match, breakdown: this.shown(locale, match.breakdown) };
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { code?: string }).code === '23505') {
        throw new ConflictError('already_proposed');
      }
      throw error;
    }
  }

  /**
   * Proposals for many triaged requests at once: the assignment with the highest total score under
   * every volunteer's remaining capacity (optimal, not greedy). With dryRun nothing is stored.
   */
  async assign(actor: Principal, input: AssignInput): Promise<AssignOutcome> {
    if (input.programmeId && !(await this.candidates.programmeExists(actor.organisationId, input.programmeId))) {
      throw new NotFoundError('Programme', input.programmeId);
    }
    const triaged = await this.candidates.triagedRequests(actor.organisationId, input.programmeId, input.requestIds);
    // A vigil belongs to its offer waves: a proposal would stop them and its escalation alert.
    const vigils = triaged.filter((r) => r.kind === 'vigil');
    const requests: Array<{ request: RequestForMatching; candidates: Array<ScoredCandidate & { capacity: number }> }> = [];
    for (const { id } of triaged.filter((r) => r.kind !== 'vigil')) {
      const request = (await this.candidates.loadRequest(actor.organisationId, id)) as RequestForMatching;
      requests.push({ request, candidates: (await this.eligible(actor.organisationId, request)).slice(0, ASSIGN_CANDIDATES) });
    }

    const volunteerIndex = new Map<string, number>();
    const capacities: number[] = [];
    const edges: AssignmentEdge[] = [];
    requests.forEach(({ candidates }, r) => {
      for (const c of candidates) {
        if (!volunteerIndex.has(c.volunteerId)) {
          volunteerIndex.set(c.volunteerId, capacities.length);
          capacities.push(c.capacity);
        }
        edges.push({ request: r, volunteer: volunteerIndex.get(c.volunteerId) as number, score: c.score });
      }
    });
    const solution = solveAssignment({ requests: requests.length, capacities, edges });

    const proposals: Array<ScoredCandidate & { requestId: string; clientId: string; matchId?: string }> = [];
    // Only vigils named by the caller are reported: the rest simply are not part of a batch.
    const unassigned: Array<{ requestId: string; reason: Phrase }> = input.requestIds
      ? vigils.map((v) => ({ requestId: v.id, reason: phrase('matching.unassigned.vigil') }))
      : [];
    requests.forEach(({ request, candidates }, r) => {
      const e = solution.choice[r];
      if (e === -1) {
        unassigned.push({ requestId: request.id, reason: phrase(candidates.length === 0 ? 'matching.unassigned.noneEligible' : 'matching.unassigned.neededElsewhere') });
        return;
      }
      const { capacity: _capacity, ...chosen } = candidates.find((c) => volunteerIndex.get(c.volunteerId) === edges[e].volunteer) as ScoredCandidate & { capacity: number };
      proposals.push({ ...chosen, requestId: request.id, clientId: request.clientId });
    });

    if (!input.dryRun && proposals.length > 0) {
      await this.dataSource.transaction(async (manager) => {
        for (const proposal of proposals) {
          const locked = await this.requests.lock(manager, actor.organisationId, proposal.requestId);
          assertTransition(locked.status, 'proposed'); // a request changed meanwhile: nothing is stored
          const match = await this.candidates.saveProposal(manager, {
            organisationId: actor.organisationId,
            requestId: proposal.requestId,
            clientId: proposal.clientId,
            volunteerId: proposal.volunteerId,
            score: proposal.score,
            breakdown: proposal.components,
            proposedByUserId: actor.userId,
          });
          proposal.matchId = match.id;
          await this.requests.move(manager, locked, 'proposed', null);
          await this.notifyProposal(manager, actor.organisationId, match);
        }
      });
    }
    const locale = actor.locale ?? DEFAULT_LOCALE;
    return {
      dryRun: input.dryRun,
      total: Math.round(solution.total * 10) / 10,
      proposals: proposals.map((p) => ({ ...p, components: this.shown(locale, p.components) })),
      unassigned: unassigned.map((u) => ({ ...u, reason: this.i18n.render(locale, u.reason) })),
    };
  }

  private who(volunteer: CandidateVolunteer) {
    return { volunteerId: volunteer.id, firstName: volunteer.firstName, lastName: volunteer.lastName };
  }
}

const round = (km: number) => Math.round(km * 10) / 10;

