import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName, JobPayload, NotificationKind, NotificationRepository } from '@app/followups';
import { RequestRepository } from '@app/referrals';
import { MatchRepository } from './match.repository';

// What happens after a match changes. Feedback to the referrer and follow-up plans hang on these
// same events later; for now each tells the people involved. Every handler is idempotent (dedupe keys).

/** `match.started` → the volunteer is told the match runs (and where to find the address). */
@Injectable()
@HandlesJob(JobName.MatchStarted)
export class MatchStartedHandler implements JobHandler<JobName.MatchStarted> {
  constructor(
    private readonly matches: MatchRepository,
    private readonly notifications: NotificationRepository,
  ) {}

  async handle({ organisationId, matchId }: JobPayload<JobName.MatchStarted>): Promise<void> {
    const match = await this.matches.find(organisationId, matchId);
    if (!match) return;
    await this.notifications.recordForVolunteer(organisationId, match.volunteerId, NotificationKind.MatchStarted, `match.started:${matchId}`);
  }
}

/** `match.ended` → the volunteer is told the match ended. */
@Injectable()
@HandlesJob(JobName.MatchEnded)
export class MatchEndedHandler implements JobHandler<JobName.MatchEnded> {
  constructor(
    private readonly matches: MatchRepository,
    private readonly notifications: NotificationRepository,
  ) {}

  async handle({ organisationId, matchId }: JobPayload<JobName.MatchEnded>): Promise<void> {
    const match = await this.matches.find(organisationId, matchId);
    if (!match) return;
    await this.notifications.recordForVolunteer(organisationId, match.volunteerId, NotificationKind.MatchEnded, `match.ended:${matchId}`);
  }
}

/** `request.matched` → the user who submitted the request is told it has a volunteer. */
@Injectable()
@HandlesJob(JobName.RequestMatched)
export class RequestMatchedHandler implements JobHandler<JobName.RequestMatched> {
  constructor(
    private readonly requests: RequestRepository,
    private readonly notifications: NotificationRepository,
  ) {}

  async handle({ organisationId, requestId }: JobPayload<JobName.RequestMatched>): Promise<void> {
    const request = await this.requests.find(organisationId, requestId);
    if (!request?.submittedByUserId) return;
    await this.notifications.record(organisationId, request.submittedByUserId, NotificationKind.RequestMatched, `request.matched:${requestId}`);
  }
}
