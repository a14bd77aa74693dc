import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FollowUpSchedule } from '@app/programmes';
import { DataSource, EntityManager } from 'typeorm';

export interface MatchFacts {
  id: string;
  organisationId: string;
  requestId: string;
  clientId: string;
  volunteerId: string;
  volunteerFirstName: string;
  status: string;
  startedAt: Date | null;
  endReason: string | null;
  proposedByUserId: string | null;
  programmeKind: string;
  followUpSchedule: FollowUpSchedule;
  maxMatchMonths: number | null;
  progressFeedbackMonths: number | null;
}

/** What the loop's handlers read about matches and visits (the matches library owns the writes). */
@Injectable()
export class MatchFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * With `lock` (inside a transaction) the match row is locked: a handler that acts on the match's
   * status then never interleaves with the match ending.
   */
  async match(organisationId: string, matchId: string, manager?: EntityManager, lock = false): Promise<MatchFacts | null> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT m.id, m.organisation_id, m.request_id, m.client_id, m.volunteer_id, v.first_name, m.status, m.started_at, m.end_reason, m.proposed_by_user_id,
              p.kind, p.follow_up_schedule, p.max_match_months, p.progress_feedback_months
         FROM match m JOIN volunteer v ON v.id = m.volunteer_id JOIN request r ON r.id = m.request_id JOIN programme p ON p.id = r.programme_id
        WHERE m.organisation_id = $1 AND m.id = $2${lock ? ' FOR UPDATE OF m' : ''}`,
      [organisationId, matchId],
    );
    if (!row) return null;
    return {
      id: row.id,
      organisationId: row.organisation_id,
      requestId: row.request_id,
      clientId: row.client_id,
      volunteerId: row.volunteer_id,
      volunteerFirstName: row.first_name,
      status: row.status,
      startedAt: row.started_at,
      endReason: row.end_reason,
      proposedByUserId: row.proposed_by_user_id,
      programmeKind: row.kind,
      followUpSchedule: row.follow_up_schedule,
      maxMatchMonths: row.max_match_months,
      progressFeedbackMonths: row.progress_feedback_months,
    };
  }

  /** The request of a visit and the moment of the request's first visit that took place. */
  async firstVisit(organisationId: string, visitId: string): Promise<{ requestId: string; firstVisitAt: Date } | null> {
    const [row] = await this.dataSource.query(
      `SELECT m.request_id,
              (SELECT min(v2.starts_at) FROM visit v2 JOIN match m2 ON m2.id = v2.match_id WHERE m2.request_id = m.request_id AND v2.status = 'done') AS first_visit_at
         FROM visit v JOIN match m ON m.id = v.match_id
        WHERE v.organisation_id = $1 AND v.id = $2 AND v.status = 'done'`,
      [organisationId, visitId],
    );
    return row ? { requestId: row.request_id, firstVisitAt: row.first_visit_at } : null;
  }

  async visitsDone(matchId: string, from: Date, to: Date): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM visit WHERE match_id = $1 AND status = 'done' AND starts_at >= $2 AND starts_at < $3`,
      [matchId, from, to],
    );
    return row.n;
  }
}
