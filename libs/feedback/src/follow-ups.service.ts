import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError, NotFoundError, Page, Principal } from '@app/core';
import { NotificationKind, Notifier } from '@app/notifications';
import { FollowUp, FollowUpOutcome, FollowUpStatus } from './follow-up.entity';
import { FollowUpRepository } from './follow-up.repository';

/** The coordinator's follow-ups of running matches: the list, completing and snoozing, and the due reminder. */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly followUps: FollowUpRepository,
    private readonly notifier: Notifier,
  ) {}

  async list(actor: Principal, filter: { statuses?: FollowUpStatus[]; dueBefore?: Date; coordinatorId?: string; page: number; pageSize: number }): Promise<Page<FollowUp>> {
    const [items, total] = await this.followUps.list(actor.organisationId, { ...filter, skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  async complete(actor: Principal, id: string, outcome: FollowUpOutcome, notes: string | null): Promise<FollowUp> {
    return this.followUps.complete(actor.organisationId, id, actor.userId, outcome, notes);
  }

  async snooze(actor: Principal, id: string, until: Date): Promise<FollowUp> {
    if (until.getTime() <= Date.now()) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'snooze_in_past');
    const followUp = await this.followUps.find(actor.organisationId, id);
    if (!followUp) throw new NotFoundError('Follow-up', id);
    return this.followUps.snooze(actor.organisationId, id, until);
  }

  /**
   * `followup.due`: one reminder per follow-up and due time, a notification for its coordinator (or
   * every coordinator) written with its deliveries in the transaction that marks it reminded: exactly
   * once in PostgreSQL, sent by the delivery jobs at least once on each channel.
   */
  async remind(organisationId: string, followUpId: string, dueAt: Date): Promise<void> {
    const key = `followup.due:${followUpId}:${dueAt.toISOString()}`;
    await this.followUps.remindOnce(organisationId, followUpId, dueAt, (manager, followUp) =>
      this.notifier.notifyCoordinatorsOf(organisationId, followUp.coordinatorId, NotificationKind.FollowUpDue, key, { path: '/follow-ups' }, manager),
    );
  }
}
