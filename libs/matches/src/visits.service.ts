import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError, ConflictError, ForbiddenError, NotFoundError, Page, Principal } from '@app/core';
import { JobName, OutboxRepository } from '@app/outbox';
import { NotificationKind, NotificationRepository, Notifier } from '@app/notifications';
import { EntityManager } from 'typeorm';
import { MatchesService, ownVolunteerId } from './matches.service';
import { Visit, VisitStatus } from './visit.entity';
import { VisitRepository } from './visit.repository';
import { MAX_VISIT_HOURS } from './visit-times';
import { phrase, Phrase } from '@app/i18n';

const HOUR = 3_600_000;
/** How far in the past a planned visit may start (or in the future a recorded one may end): clocks differ a little. */
const CLOCK_SKEW_MINUTES = 5;
const MINUTE = 60_000;

type VisitAction = 'confirm' | 'decline' | 'complete' | 'cancel';

/** Which statuses each action starts from and leads to: the visit status machine in one place. */
const VISIT_MOVES: Record<VisitAction, { from: readonly VisitStatus[]; to: VisitStatus }> = {
  confirm: { from: ['planned'], to: 'confirmed' },
  decline: { from: ['planned'], to: 'declined' },
  complete: { from: ['planned', 'confirmed'], to: 'done' },
  cancel: { from: ['planned', 'confirmed'], to: 'cancelled' },
};

/** Only the volunteer answers a planned visit; either side may complete or cancel one. */
const VOLUNTEER_ONLY: readonly VisitAction[] = ['confirm', 'decline'];

function unprocessable(code: string, text?: Phrase): AppError {
  return new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code, text);
}

export interface VisitTimes {
  startsAt: Date;
  endsAt: Date;
  note?: string | null;
}

function checkTimes(input: VisitTimes): void {
  if (input.endsAt <= input.startsAt) throw unprocessable('visit_times_invalid');
  if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_VISIT_HOURS * HOUR) {
    throw unprocessable('visit_too_long', phrase('errors.visit_too_long', { maxHours: MAX_VISIT_HOURS }));
  }
}

/**
 * Visits within an active match. A coordinator plans a visit for the volunteer to confirm; a visit
 * the volunteer plans is confirmed at once. A volunteer is never booked twice at the same time.
 */
@Injectable()
export class VisitsService {
  constructor(
    private readonly visits: VisitRepository,
    private readonly matches: MatchesService,
    private readonly outbox: OutboxRepository,
    private readonly notifications: NotificationRepository,
    private readonly notifier: Notifier,
  ) {}

  /** The volunteer hears of a visit a coordinator planned or cancelled (in the change's transaction). */
  private async tellVolunteer(manager: EntityManager, organisationId: string, kind: NotificationKind, visit: { id: string; matchId: string; volunteerId: string; startsAt: Date }, requestId: string): Promise<void> {
    const { firstName, place } = await this.notifications.aboutRequest(requestId, manager);
    const params = { firstName, place, startsAt: visit.startsAt.toISOString() };
    await this.notifier.notifyVolunteer(organisationId, visit.volunteerId, kind, `${kind}:${visit.id}`, { params, path: `/matches/${visit.matchId}` }, manager);
  }

  async listForMatch(actor: Principal, matchId: string, page: { page: number; pageSize: number }): Promise<Page<Visit>> {
    await this.matches.find(actor, matchId); // 404 for someone else's match
    const [items, total] = await this.visits.list(actor.organisationId, { matchId, skip: (page.page - 1) * page.pageSize, take: page.pageSize });
    return { items, total, ...page };
  }

  /** The volunteer's own visits, from now (or `from`) on. */
  async listOwn(actor: Principal, filter: { from?: Date; to?: Date; statuses?: VisitStatus[]; page: number; pageSize: number }): Promise<Page<Visit>> {
    const volunteerId = ownVolunteerId(actor) as string;
    const [items, total] = await this.visits.list(actor.organisationId, {
      volunteerId,
      from: filter.from ?? new Date(),
      to: filter.to,
      statuses: filter.statuses,
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  /** A visit still to come (a few minutes of clock skew allowed); one that took place is recorded instead. */
  async plan(actor: Principal, matchId: string, input: VisitTimes): Promise<Visit> {
    const match = await this.matches.find(actor, matchId);
    checkTimes(input);
    if (input.startsAt.getTime() < Date.now() - CLOCK_SKEW_MINUTES * MINUTE) {
      throw unprocessable('visit_in_past');
    }
    return this.visits.create(actor.organisationId, matchId, {
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      note: input.note ?? null,
      status: actor.role === 'volunteer' ? 'confirmed' : 'planned',
      plannedByUserId: actor.userId,
    }, {
      effects: async (manager, visitId) => {
        if (actor.role === 'volunteer') return; // their own plan
        await this.tellVolunteer(manager, actor.organisationId, NotificationKind.VisitPlanned, { id: visitId, matchId, volunteerId: match.volunteerId, startsAt: input.startsAt }, match.requestId);
      },
    });
  }

  /**
   * A visit that already took place, recorded as done: over by now, within the active match and not
   * before it started, and overlapping no other visit of the volunteer. The referrer hears of it as
   * of a completed visit.
   */
  async record(actor: Principal, matchId: string, input: VisitTimes): Promise<Visit> {
    await this.matches.find(actor, matchId);
    checkTimes(input);
    if (input.endsAt.getTime() > Date.now() + CLOCK_SKEW_MINUTES * MINUTE) {
      throw unprocessable('visit_not_over');
    }
    return this.visits.create(
      actor.organisationId,
      matchId,
      { startsAt: input.startsAt, endsAt: input.endsAt, note: input.note ?? null, status: 'done', plannedByUserId: actor.userId, completedAt: new Date() },
      {
        check: (match) => {
          if (match.startedAt && input.startsAt < match.startedAt) {
            throw unprocessable('visit_before_match', phrase('errors.visit_before_match', { startedAt: match.startedAt.toISOString() }));
          }
        },
        effects: (manager, visitId) => this.outbox.add(manager, JobName.VisitCompleted, { organisationId: actor.organisationId, visitId }),
      },
    );
  }

  async act(actor: Principal, id: string, action: VisitAction, text?: string | null): Promise<Visit> {
    const own = ownVolunteerId(actor);
    if (!own && VOLUNTEER_ONLY.includes(action)) throw new ForbiddenError(phrase('errors.forbidden_volunteer_answers_visit'));
    const visit = await this.visits.find(actor.organisationId, id, own);
    if (!visit) throw new NotFoundError('Visit', id);
    const move = VISIT_MOVES[action];
    const now = new Date();
    // A coordinator's cancellation is news for the volunteer.
    const requestOfCancelled = action === 'cancel' && !own ? (await this.matches.find(actor, visit.matchId)).requestId : null;
    return this.visits.update(
      actor.organisationId,
      id,
      (current) => {
        if (!move.from.includes(current.status)) {
          throw new ConflictError('illegal_visit_transition', phrase('errors.illegal_visit_transition', { from: phrase(`vocabulary.visitStatus.${current.status}`), to: phrase(`vocabulary.visitStatus.${move.to}`) }), { from: current.status, to: move.to });
        }
        if (action === 'complete' && current.startsAt > now) throw unprocessable('visit_not_started');
      },
      {
        status: move.to,
        ...(action === 'confirm' ? { confirmedAt: now } : {}),
        ...(action === 'complete' ? { completedAt: now, note: text ?? visit.note } : {}),
        ...(action === 'cancel' ? { cancelledAt: now, reason: text ?? null } : {}),
        ...(action === 'decline' ? { reason: text ?? null } : {}),
      },
      async (manager) => {
        // A visit that took place is news for the referrer (the first one).
        if (action === 'complete') await this.outbox.add(manager, JobName.VisitCompleted, { organisationId: actor.organisationId, visitId: id });
        if (requestOfCancelled) await this.tellVolunteer(manager, actor.organisationId, NotificationKind.VisitCancelled, visit, requestOfCancelled);
      },
    );
  }
}
