import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, NotFoundError } from '@app/core';
import { JobName, OutboxRepository } from '@app/outbox';
import { DataSource, EntityManager } from 'typeorm';
import { FollowUp, FollowUpOutcome, FollowUpStatus } from './follow-up.entity';
import { PlanStep } from './follow-up-plan';
import { phrase } from '@app/i18n';

export interface FollowUpListFilter {
  statuses?: FollowUpStatus[];
  dueBefore?: Date;
  coordinatorId?: string;
  skip: number;
  take: number;
}

const dueKey = (id: string, dueAt: Date) => `followup.due:${id}:${dueAt.toISOString()}`;

/** Follow-ups. Each open follow-up has an outbox row scheduled at its due time that wakes the reminder. */
@Injectable()
export class FollowUpRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Writes a match's plan (a second call adds nothing) with one scheduled reminder per step. */
  async createPlan(
    manager: EntityManager,
    match: { id: string; organisationId: string; requestId: string; clientId: string; proposedByUserId: string | null },
    steps: PlanStep[],
  ): Promise<number> {
    let created = 0;
    for (const step of steps) {
      const [row] = await manager.query(
        `INSERT INTO follow_up (organisation_id, match_id, request_id, client_id, coordinator_id, kind, sequence, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (match_id, kind, sequence) DO NOTHING
         RETURNING id`,
        [match.organisationId, match.id, match.requestId, match.clientId, match.proposedByUserId, step.kind, step.sequence, step.dueAt],
      );
      if (!row) continue;
      created++;
      await this.schedule(manager, match.organisationId, row.id, step.dueAt);
    }
    return created;
  }

  /** When the match ends, its open follow-ups are cancelled (their reminders then find nothing to do). */
  async cancelOpen(manager: EntityManager, matchId: string): Promise<void> {
    await manager.query(`UPDATE follow_up SET status = 'cancelled' WHERE match_id = $1 AND status = 'open'`, [matchId]);
  }

  async find(organisationId: string, id: string): Promise<FollowUp | null> {
    return this.dataSource.getRepository(FollowUp).findOne({ where: { organisationId, id } });
  }

  async list(organisationId: string, filter: FollowUpListFilter): Promise<[FollowUp[], number]> {
    const query = this.dataSource
      .getRepository(FollowUp)
      .createQueryBuilder('f')
      .where('f.organisationId = :organisationId', { organisationId })
      .orderBy('f.dueAt', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .skip(filter.skip)
      .take(filter.take);
    if (filter.statuses?.length) query.andWhere('f.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter.dueBefore) query.andWhere('f.dueAt < :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.coordinatorId) query.andWhere('f.coordinatorId = :coordinatorId', { coordinatorId: filter.coordinatorId });
    return query.getManyAndCount();
  }

  async complete(organisationId: string, id: string, userId: string, outcome: FollowUpOutcome, notes: string | null): Promise<FollowUp> {
    return this.changeOpen(organisationId, id, async (manager) => {
      await manager.update(FollowUp, { id }, { status: 'done', outcome, notes, completedAt: new Date(), completedByUserId: userId });
    });
  }

  /** A new due time; the reminder is sent again when it comes. */
  async snooze(organisationId: string, id: string, until: Date): Promise<FollowUp> {
    return this.changeOpen(organisationId, id, async (manager) => {
      await manager.update(FollowUp, { id }, { dueAt: until, remindedAt: null });
      await this.schedule(manager, organisationId, id, until);
    });
  }

  /**
   * The reminder's one effect, under the follow-up's row lock: `apply` runs only if the follow-up is
   * still open, due at `dueAt` (not snoozed since) and not reminded yet. Returns whether it ran.
   */
  async remindOnce(organisationId: string, id: string, dueAt: Date, apply: (manager: EntityManager, followUp: FollowUp) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const followUp = await manager.getRepository(FollowUp).findOne({ where: { organisationId, id }, lock: { mode: 'pessimistic_write' } });
      if (!followUp || followUp.status !== 'open' || followUp.remindedAt || followUp.dueAt.getTime() !== dueAt.getTime()) return false;
      await apply(manager, followUp);
      await manager.update(FollowUp, { id }, { remindedAt: new Date() });
      return true;
    });
  }

  /**
   * The safety net behind the queue: every open, due, unreminded follow-up gets its reminder row in
   * the outbox if it lacks one (rows the outbox already holds are redelivered by the relay).
   */
  async reconcile(): Promise<number> {
    const added: unknown[] = await this.dataSource.query(
      `INSERT INTO outbox_event (topic, payload, dedupe_key)
       SELECT $1, jsonb_build_object('organisationId', f.organisation_id, 'followUpId', f.id, 'dueAt', to_char(f.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
              'followup.due:' || f.id || ':' || to_char(f.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
         FROM follow_up f
        WHERE f.status = 'open' AND f.reminded_at IS NULL AND f.due_at <= now()
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [JobName.FollowUpDue],
    );
    return added.length;
  }

  private async schedule(manager: EntityManager, organisationId: string, id: string, dueAt: Date): Promise<void> {
    await this.outbox.add(manager, JobName.FollowUpDue, { organisationId, followUpId: id, dueAt: dueAt.toISOString() }, { availableAt: dueAt, dedupeKey: dueKey(id, dueAt) });
  }

  private async changeOpen(organisationId: string, id: string, apply: (manager: EntityManager) => Promise<void>): Promise<FollowUp> {
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.getRepository(FollowUp).findOne({ where: { organisationId, id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundError('Follow-up', id);
      if (current.status !== 'open') throw new ConflictError('follow_up_closed', phrase('errors.follow_up_closed', { status: current.status }));
      await apply(manager);
    });
    return (await this.find(organisationId, id)) as FollowUp;
  }
}
