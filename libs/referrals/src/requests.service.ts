import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ageOn,
  AppError,
  ConflictError,
  ConsentGiver,
  DiagnosisGroup,
  ForbiddenError,
  Frequency,
  Gender,
  LivingSituation,
  LocationInput,
  LocationService,
  NotFoundError,
  Page,
  Principal,
  ProgrammeKind,
  RequestStatus,
  Slot,
  slotsToMask,
  Urgency,
} from '@app/core';
import { JobName, OutboxRepository } from '@app/outbox';
import { Programme, PROGRAMME_DEFAULTS, ProgrammeRepository } from '@app/programmes';
import { EntityManager } from 'typeorm';
import { Client, GpContact, Relative } from './client.entity';
import { ReferralSourceRepository } from './referral-source.repository';
import { RequestInfoExchange } from './request-info-exchange.entity';
import { RequestInfoRepository } from './request-info.repository';
import { Needs, Preferences, ReferrerContact, Request } from './request.entity';
import { ClientData, RequestData, RequestRepository } from './request.repository';
import { assertTransition } from './request-status';
import { scheduleVigil } from './vigil-schedule';
import { phrase, Phrase } from '@app/i18n';

export interface ClientInput extends LocationInput {
  firstName: string;
  lastName: string;
  birthDate: string;
  gender?: Gender;
  street?: string | null;
  phone?: string | null;
  languages?: string[];
  diagnosisGroup: DiagnosisGroup;
  diagnosisDetails?: string | null;
  livingSituation?: LivingSituation | null;
  relatives?: Relative[];
  gp?: GpContact | null;
  consentGivenAt?: Date;
  consentGivenBy: ConsentGiver;
}

export interface RequestFields {
  urgency?: Urgency;
  needs?: Needs;
  desiredSlots?: Slot[];
  frequency?: Frequency | null;
  startDate?: string | null;
  vigilWindow?: { start: Date; end: Date } | null;
  location?: LocationInput | null;
  preferences?: Preferences;
  referrerContact?: ReferrerContact;
  referrerNotes?: string | null;
}

export interface SubmitRequestInput extends RequestFields {
  programmeId: string;
  /** Coordinators submitting on behalf of a source; referrers always submit for their own. */
  referralSourceId?: string;
  client?: ClientInput;
  clientId?: string;
  referrerContact: ReferrerContact;
}

export interface UpdateRequestInput extends RequestFields {
  client?: Partial<Omit<ClientInput, 'consentGivenBy' | 'consentGivenAt'>>;
  coordinatorNotes?: string | null;
}

export type TriageDecision = 'accept' | 'needs_info' | 'reject';

const EDITABLE_BY_REFERRER: readonly RequestStatus[] = ['submitted', 'needs_info'];
const EDITABLE_BY_COORDINATOR: readonly RequestStatus[] = ['submitted', 'needs_info', 'triaged', 'proposed', 'matched'];

function unprocessable(code: string, text?: Phrase, details?: unknown): AppError {
  return new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code, text, details);
}

/**
 * Requests and their clients. A referrer works only with their own referral source's requests
 * (others are 404); a coordinator with the whole organisation; volunteers are kept out by the routes.
 */
@Injectable()
export class RequestsService {
  constructor(
    private readonly requests: RequestRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly sources: ReferralSourceRepository,
    private readonly locations: LocationService,
    private readonly outbox: OutboxRepository,
    private readonly info: RequestInfoRepository,
  ) {}

  /** The source a caller's view is limited to: a referrer's own; nothing for coordinators. */
  private scope(actor: Principal): string | undefined {
    if (actor.role === 'referrer') {
      if (!actor.referralSourceId) throw new ForbiddenError(phrase('errors.forbidden_referrer_unlinked'));
      return actor.referralSourceId;
    }
    return undefined;
  }

  async list(actor: Principal, filter: { statuses?: RequestStatus[]; kind?: ProgrammeKind; programmeId?: string; page: number; pageSize: number }): Promise<Page<Request>> {
    const [items, total] = await this.requests.list(actor.organisationId, {
      ...filter,
      referralSourceId: this.scope(actor),
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  async get(actor: Principal, id: string): Promise<Request> {
    const request = await this.requests.find(actor.organisationId, id, this.scope(actor));
    if (!request) throw new NotFoundError('Request', id);
    return request;
  }

  async submit(actor: Principal, input: SubmitRequestInput): Promise<Request> {
    const own = this.scope(actor);
    const referralSourceId = own ?? input.referralSourceId;
    if (!referralSourceId) throw unprocessable('referral_source_required', phrase('errors.referral_source_required_request'));
    if (own && input.referralSourceId && input.referralSourceId !== own) {
      throw new ForbiddenError(phrase('errors.forbidden_own_source_only'));
    }
    if (!own && !(await this.sources.exists(actor.organisationId, referralSourceId))) throw new NotFoundError('Referral source', referralSourceId);

    const programme = await this.programmes.find(actor.organisationId, input.programmeId);
    if (!programme) throw new NotFoundError('Programme', input.programmeId);
    if (!programme.active) throw unprocessable('programme_inactive', phrase('errors.programme_inactive', { programme: programme.name }));
    this.checkTiming(programme.kind, Boolean(input.desiredSlots?.length), input.vigilWindow);
    if (input.vigilWindow && programme.kind === 'vigil') this.checkWindowLength(programme, input.vigilWindow);

    // Every lookup happens before the transaction: a failed geocode stores nothing.
    let client: { id: string } | ClientData;
    let address: Pick<Client, 'postcode' | 'houseNumber' | 'city' | 'lat' | 'lon'>;
    if (input.clientId) {
      const known = await this.requests.findClient(actor.organisationId, input.clientId, own);
      if (!known) throw new NotFoundError('Client', input.clientId);
      client = { id: known.id };
      address = known;
    } else if (input.client) {
      const data = await this.clientData(input.client, referralSourceId);
      client = data;
      address = data;
    } else {
      throw unprocessable('client_required');
    }
    // The support happens where the request says, or else at the client's address.
    const location = input.location ? await this.locations.resolve(input.location) : address;
    if (location.lat == null || location.lon == null) {
      throw unprocessable('location_required', phrase('errors.location_required_request'));
    }

    const data: Omit<RequestData, 'clientId'> = {
      programmeId: programme.id,
      referralSourceId,
      submittedByUserId: actor.userId,
      kind: programme.kind,
      status: 'submitted',
      statusReason: null,
      urgency: input.urgency ?? (programme.kind === 'vigil' ? 'urgent' : 'normal'),
      needs: input.needs ?? {},
      desiredMask: slotsToMask(input.desiredSlots ?? []),
      frequency: input.frequency ?? null,
      startDate: input.startDate ?? null,
      vigilWindowStart: input.vigilWindow?.start ?? null,
      vigilWindowEnd: input.vigilWindow?.end ?? null,
      postcode: location.postcode,
      houseNumber: location.houseNumber,
      city: location.city,
      lat: location.lat,
      lon: location.lon,
      preferences: input.preferences ?? {},
      referrerContact: input.referrerContact,
      referrerNotes: input.referrerNotes ?? null,
      coordinatorNotes: null,
    };
    // The referrer hears it arrived, and again if it is still unmatched after the programme's threshold.
    return this.requests.create(actor.organisationId, client, data, async (manager, created) => {
      const ids = { organisationId: actor.organisationId, requestId: created.id };
      await this.outbox.add(manager, JobName.RequestReceived, ids);
      const checkAt = new Date(created.submittedAt.getTime() + programme.noMatchFeedbackDays * 86_400_000);
      await this.outbox.add(manager, JobName.RequestUnmatchedCheck, ids, { availableAt: checkAt, dedupeKey: `request.unmatched-check:${created.id}` });
    });
  }

  /**
   * Referrers change their request while it waits for triage (a request that needed more information
   * goes back to `submitted`); coordinators while it is open.
   */
  async update(actor: Principal, id: string, input: UpdateRequestInput): Promise<Request> {
    const own = this.scope(actor);
    const existing = await this.get(actor, id);
    const { patch, clientPatch } = await this.changes(actor, existing, input);
    const editable = own ? EDITABLE_BY_REFERRER : EDITABLE_BY_COORDINATOR;
    return this.requests.update(
      actor.organisationId,
      id,
      (current) => {
        if (!editable.includes(current.status)) {
          throw unprocessable('request_not_editable', phrase(own ? 'errors.request_not_editable_referrer' : 'errors.request_not_editable', { status: current.status }));
        }
      },
      patch,
      clientPatch,
      own && existing.status === 'needs_info' ? 'submitted' : undefined,
      // Changes alone answer the question too: the round closes (without words) and the coordinators hear it.
      own ? (manager, current) => (current.status === 'needs_info' ? this.answered(manager, actor, id, null) : Promise.resolve()) : undefined,
    );
  }

  /**
   * The referrer (or a coordinator for them) answers the question asked at triage, optionally with
   * changes checked as a PATCH is: the answer is stored, the changes applied, the request moved
   * `needs_info → submitted` (409 from any other status) and the coordinators' event written, in one
   * transaction.
   */
  async answerInfo(actor: Principal, id: string, answer: string, changes: UpdateRequestInput = {}): Promise<Request> {
    const existing = await this.get(actor, id);
    assertTransition(existing.status, 'submitted'); // before any lookup: a request not waiting for an answer is 409
    const { patch, clientPatch } = await this.changes(actor, existing, changes);
    return this.requests.update(actor.organisationId, id, (current) => assertTransition(current.status, 'submitted'), patch, clientPatch, 'submitted', (manager) =>
      this.answered(manager, actor, id, answer),
    );
  }

  /** Closes the open round with the answer (null: changes only) and tells the coordinators, inside the caller's transaction. */
  private async answered(manager: EntityManager, actor: Principal, id: string, answer: string | null): Promise<void> {
    const exchange = await this.info.answer(manager, actor.organisationId, id, answer, actor.userId);
    const ids = { organisationId: actor.organisationId, requestId: id, exchangeId: exchange.id };
    await this.outbox.add(manager, JobName.RequestInfoReceived, ids, { dedupeKey: `request.info-received:${ids.exchangeId}` });
  }

  /** The questions asked at triage and their answers, oldest first (referrers: their own source's requests). */
  async infoExchanges(actor: Principal, id: string): Promise<RequestInfoExchange[]> {
    await this.get(actor, id);
    return this.info.forRequest(actor.organisationId, id);
  }

  /** Checks a change of a request as a PATCH does and turns it into the request's and the client's columns. */
  private async changes(actor: Principal, existing: Request, input: UpdateRequestInput): Promise<{ patch: Partial<RequestData>; clientPatch: Partial<ClientData> }> {
    if (this.scope(actor) && input.coordinatorNotes !== undefined) throw new ForbiddenError(phrase('errors.forbidden_coordinator_notes'));
    const window = existing.vigilWindowStart && existing.vigilWindowEnd ? { start: existing.vigilWindowStart, end: existing.vigilWindowEnd } : null;
    this.checkTiming(
      existing.kind,
      input.desiredSlots !== undefined ? input.desiredSlots.length > 0 : existing.desiredMask !== 0,
      input.vigilWindow !== undefined ? input.vigilWindow : window,
    );
    if (input.vigilWindow && existing.kind === 'vigil') this.checkWindowLength((await this.programmes.find(actor.organisationId, existing.programmeId)) as Programme, input.vigilWindow);

    const patch: Partial<RequestData> = {};
    if (input.urgency !== undefined) patch.urgency = input.urgency;
    if (input.needs !== undefined) patch.needs = { ...existing.needs, ...input.needs };
    if (input.desiredSlots !== undefined) patch.desiredMask = slotsToMask(input.desiredSlots);
    if (input.frequency !== undefined) patch.frequency = input.frequency;
    if (input.startDate !== undefined) patch.startDate = input.startDate;
    if (input.vigilWindow !== undefined) {
      patch.vigilWindowStart = input.vigilWindow?.start ?? null;
      patch.vigilWindowEnd = input.vigilWindow?.end ?? null;
    }
    if (input.preferences !== undefined) patch.preferences = { ...existing.preferences, ...input.preferences };
    if (input.referrerContact !== undefined) patch.referrerContact = input.referrerContact;
    if (input.referrerNotes !== undefined) patch.referrerNotes = input.referrerNotes;
    if (input.coordinatorNotes !== undefined) patch.coordinatorNotes = input.coordinatorNotes;
    if (input.location) Object.assign(patch, await this.locations.resolve(input.location));

    const clientPatch: Partial<ClientData> = {};
    if (input.client) {
      const { postcode, houseNumber, city, lat, lon, ...rest } = input.client;
      Object.assign(clientPatch, rest);
      const moved = [postcode, houseNumber, city, lat, lon].some((v) => v !== undefined);
      if (moved) Object.assign(clientPatch, await this.locations.resolve({ postcode, houseNumber, city, lat, lon }));
    }
    return { patch, clientPatch };
  }

  /** Accept (after the programme's inclusion rules), ask for more information, or reject. */
  async triage(actor: Principal, id: string, decision: TriageDecision, reason?: string): Promise<Request> {
    const request = await this.get(actor, id);
    if (decision !== 'accept' && !reason) throw unprocessable('reason_required');
    if (decision === 'accept') {
      const programme = (await this.programmes.find(actor.organisationId, request.programmeId)) as Programme;
      const failures = this.inclusionFailures(programme, request);
      if (failures.length > 0) throw unprocessable('inclusion_rule_failed', phrase('errors.inclusion_rule_failed', { failures }), { failures: failures.map((f) => f.key.replace('errors.inclusion.', '')) });
      return this.requests.transition(actor.organisationId, id, 'triaged', reason ?? null, {
        effects: request.kind === 'vigil' ? (manager, current) => scheduleVigil(this.outbox, manager, current, programme) : undefined,
      });
    }
    if (decision === 'reject') return this.requests.transition(actor.organisationId, id, 'rejected', reason ?? null, { effects: (manager) => this.ended(manager, actor.organisationId, id) });
    // Each round keeps its question, and the referrer hears it once.
    return this.requests.transition(actor.organisationId, id, 'needs_info', reason ?? null, {
      effects: async (manager) => {
        const exchange = await this.info.ask(manager, actor.organisationId, id, reason as string, actor.userId);
        await this.outbox.add(manager, JobName.RequestNeedsInfo, { organisationId: actor.organisationId, requestId: id, exchangeId: exchange.id }, { dedupeKey: `request.needs-info:${exchange.id}` });
      },
    });
  }

  /** A rejected or cancelled request is final: the referrer hears why, once. */
  private async ended(manager: EntityManager, organisationId: string, requestId: string): Promise<void> {
    await this.outbox.add(manager, JobName.RequestEnded, { organisationId, requestId }, { dedupeKey: `request.ended:${requestId}` });
  }

  /** Open proposals and vigil offers are withdrawn with it; a running match must be ended instead. */
  async cancel(actor: Principal, id: string, reason: string): Promise<Request> {
    await this.get(actor, id); // scope: a referrer cancels only their own source's requests
    return this.requests.transition(actor.organisationId, id, 'cancelled', reason, {
      effects: async (manager) => {
        // By table name: the matches library builds on this one, not the other way round.
        const [{ active }] = await manager.query(`SELECT count(*)::int AS active FROM match WHERE request_id = $1 AND status = 'active'`, [id]);
        if (active > 0) throw new ConflictError('match_active');
        await manager.query(`UPDATE match SET status = 'withdrawn', responded_at = now(), note = 'The request was cancelled' WHERE request_id = $1 AND status = 'proposed'`, [id]);
        await manager.query(`UPDATE vigil_offer SET status = 'withdrawn', closed_at = now() WHERE request_id = $1 AND status = 'sent'`, [id]);
        await this.ended(manager, actor.organisationId, id);
      },
    });
  }

  async close(actor: Principal, id: string, reason: string): Promise<Request> {
    await this.get(actor, id);
    return this.requests.transition(actor.organisationId, id, 'closed', reason);
  }

  /** The programme's inclusion rules, each failure in words a coordinator can pass on. */
  inclusionFailures(programme: Programme, request: Request): Phrase[] {
    const failures: Phrase[] = [];
    const client = request.client as Client;
    const on = request.startDate ?? new Date().toISOString().slice(0, 10);
    if (programme.minClientAge != null) {
      const age = ageOn(client.birthDate, on);
      if (age < programme.minClientAge) failures.push(phrase('errors.inclusion.min_age', { age, programme: programme.name, minAge: programme.minClientAge }));
    }
    if (programme.diagnosisGroups.length > 0 && !programme.diagnosisGroups.includes(client.diagnosisGroup)) {
      failures.push(phrase('errors.inclusion.diagnosis_group', { group: client.diagnosisGroup, programme: programme.name, groups: programme.diagnosisGroups.join(', ') }));
    }
    if (!programme.active) failures.push(phrase('errors.inclusion.programme_inactive', { programme: programme.name }));
    if (request.vigilWindowEnd && request.vigilWindowEnd.getTime() <= Date.now()) failures.push(phrase('errors.inclusion.vigil_window_ended'));
    return failures;
  }

  /** A new vigil window is no longer than the programme allows. */
  private checkWindowLength(programme: Programme, vigilWindow: { start: Date; end: Date }): void {
    const maxVigilHours = programme.maxVigilHours ?? (PROGRAMME_DEFAULTS.vigil.maxVigilHours as number);
    if (vigilWindow.end.getTime() - vigilWindow.start.getTime() > maxVigilHours * 3_600_000) {
      throw unprocessable('vigil_window_too_long', phrase('errors.vigil_window_too_long', { maxVigilHours }), { maxVigilHours });
    }
  }

  /** A vigil needs its window; other kinds need at least one desired weekly slot. */
  private checkTiming(kind: ProgrammeKind, hasSlots: boolean, vigilWindow: { start: Date; end: Date } | null | undefined): void {
    if (kind === 'vigil') {
      if (!vigilWindow) throw unprocessable('vigil_window_required');
      if (vigilWindow.end <= vigilWindow.start) throw unprocessable('vigil_window_invalid');
    } else if (!hasSlots) {
      throw unprocessable('desired_slots_required');
    }
  }

  private async clientData(input: ClientInput, referralSourceId: string): Promise<ClientData> {
    const address = await this.locations.resolveOptional(input);
    return {
      referralSourceId,
      firstName: input.firstName,
      lastName: input.lastName,
      birthDate: input.birthDate,
      gender: input.gender ?? 'unspecified',
      street: input.street ?? null,
      houseNumber: address?.houseNumber ?? input.houseNumber ?? null,
      postcode: address?.postcode ?? null,
      city: address?.city ?? input.city ?? null,
      lat: address?.lat ?? null,
      lon: address?.lon ?? null,
      phone: input.phone ?? null,
      languages: input.languages ?? ['nl'],
      diagnosisGroup: input.diagnosisGroup,
      diagnosisDetails: input.diagnosisDetails ?? null,
      livingSituation: input.livingSituation ?? null,
      relatives: input.relatives ?? [],
      gp: input.gp ?? null,
      consentGivenAt: input.consentGivenAt ?? new Date(),
      consentGivenBy: input.consentGivenBy,
    };
  }
}
