import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError, ConflictError, ForbiddenError, NotFoundError, Page, Principal } from '@app/core';
import { JobName, OutboxRepository } from '@app/followups';
import { MatchesService, ownVolunteerId } from './matches.service';
import { Visit, VisitStatus } from './visit.entity';
import { VisitRepository } from './visit.repository';

const MAX_VISIT_HOURS = 24;
const HOUR = 3_600_000;

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

function unprocessable(code: string, message: string): AppError {
  return new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
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
  ) {}

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

  async plan(actor: Principal, matchId: string, input: { startsAt: Date; endsAt: Date; note?: string | null }): Promise<Visit> {
    await this.matches.find(actor, matchId);
    if (input.endsAt <= input.startsAt) throw unprocessable('visit_times_invalid', 'A visit must end after it starts');
    if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_VISIT_HOURS * HOUR) {
      throw unprocessable('visit_too_long', `A visit lasts at most ${MAX_VISIT_HOURS} hours`);
    }
    return this.visits.create(actor.organisationId, matchId, {
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      note: input.note ?? null,
      status: actor.role === 'volunteer' ? 'confirmed' : 'planned',
      plannedByUserId: actor.userId,
    });
  }

  async act(actor: Principal, id: string, action: VisitAction, text?: string | null): Promise<Visit> {
    const own = ownVolunteerId(actor);
    if (!own && VOLUNTEER_ONLY.includes(action)) throw new ForbiddenError('Only the volunteer confirms or declines a visit');
    const visit = await this.visits.find(actor.organisationId, id, own);
    if (!visit) throw new NotFoundError('Visit', id);
    const move = VISIT_MOVES[action];
    const now = new Date();
    return this.visits.update(
      actor.organisationId,
      id,
      (current) => {
        if (!move.from.includes(current.status)) {
          throw new ConflictError('illegal_visit_transition', `A visit that is ${current.status} cannot be ${move.to}`, { from: current.status, to: move.to });
        }
        if (action === 'complete' && current.startsAt > now) throw unprocessable('visit_not_started', 'A visit can be completed once it has started');
      },
      {
        status: move.to,
        ...(action === 'confirm' ? { confirmedAt: now } : {}),
        ...(action === 'complete' ? { completedAt: now, note: text ?? visit.note } : {}),
        ...(action === 'cancel' ? { cancelledAt: now, reason: text ?? null } : {}),
        ...(action === 'decline' ? { reason: text ?? null } : {}),
      },
      // A visit that took place is news for the referrer (the first one).
      action === 'complete' ? (manager) => this.outbox.add(manager, JobName.VisitCompleted, { organisationId: actor.organisationId, visitId: id }) : undefined,
    );
  }
}
