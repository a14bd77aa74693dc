import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HandlesJob, JobHandler, JobName, JobPayload, OutboxRepository } from '@app/outbox';
import { NotificationKind, NotificationRepository, Notifier } from '@app/notifications';
import { EndReason } from '@app/matches';
import { RequestInfoRepository } from '@app/referrals';
import { DataSource } from 'typeorm';
import { addMonths, followUpPlan } from './follow-up-plan';
import { FollowUpRepository } from './follow-up.repository';
import { FeedbackService } from './feedback.service';
import { FollowUpsService } from './follow-ups.service';
import { MatchFactsRepository } from './match-facts.repository';

// The closed loop: what happens after each event, for the volunteer, the coordinator, the referrer
// and the GP. Every handler is idempotent (unique keys in PostgreSQL) and rethrows on failure.

const UNMATCHED = ['submitted', 'needs_info', 'triaged', 'proposed'];
const DAY = 86_400_000;

/** First day (UTC) of the month after `date`'s month. */
const nextMonthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));

/**
 * A progress message reports on a period of `months` whole months, labelled by its last month
 * (`2027-01`), and is sent when the period is over (on the first of the next month).
 */
function progressJob(organisationId: string, matchId: string, periodEnd: Date) {
  const period = new Date(periodEnd.getTime() - DAY).toISOString().slice(0, 7);
  return {
    payload: { organisationId, matchId, period },
    options: { availableAt: periodEnd, dedupeKey: `feedback.progress:${matchId}:${period}` },
  };
}

/** `request.received` → the referrer hears the request arrived; the coordinators that there is a new one. */
@Injectable()
@HandlesJob(JobName.RequestReceived)
export class RequestReceivedHandler implements JobHandler<JobName.RequestReceived> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feedback: FeedbackService,
    private readonly notifications: NotificationRepository,
    private readonly notifier: Notifier,
  ) {}

  async handle({ organisationId, requestId }: JobPayload<JobName.RequestReceived>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.feedback.record(manager, organisationId, requestId, 'received');
      const params = await this.notifications.aboutRequest(requestId, manager);
      await this.notifier.notifyCoordinators(organisationId, NotificationKind.RequestSubmitted, `request.received:${requestId}`, { params, path: `/requests/${requestId}` }, manager);
    });
  }
}

/** `request.unmatched-check` at the programme's threshold → `no_match` if the request is still waiting. */
@Injectable()
@HandlesJob(JobName.RequestUnmatchedCheck)
export class RequestUnmatchedCheckHandler implements JobHandler<JobName.RequestUnmatchedCheck> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feedback: FeedbackService,
  ) {}

  async handle({ organisationId, requestId }: JobPayload<JobName.RequestUnmatchedCheck>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const subject = await this.feedback.subject(manager, organisationId, requestId);
      if (!subject || !UNMATCHED.includes(subject.status)) return;
      const daysWaiting = Math.floor((Date.now() - subject.submittedAt.getTime()) / DAY);
      await this.feedback.record(manager, organisationId, requestId, 'no_match', { daysWaiting });
    });
  }
}

/**
 * `request.needs-info` → the referrer reads the coordinator's question (one message per round, the
 * round as its period) and the referrer who submitted the request gets a notification.
 */
@Injectable()
@HandlesJob(JobName.RequestNeedsInfo)
export class RequestNeedsInfoHandler implements JobHandler<JobName.RequestNeedsInfo> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly info: RequestInfoRepository,
    private readonly feedback: FeedbackService,
    private readonly notifications: NotificationRepository,
    private readonly notifier: Notifier,
  ) {}

  async handle({ organisationId, requestId, exchangeId }: JobPayload<JobName.RequestNeedsInfo>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const exchange = await this.info.find(manager, organisationId, exchangeId);
      const subject = await this.feedback.subject(manager, organisationId, requestId);
      if (!exchange || !subject) return;
      await this.feedback.record(manager, organisationId, requestId, 'needs_info', { question: exchange.question }, String(exchange.round));
      const params = await this.notifications.aboutRequest(requestId, manager);
      await this.notifier.notifyReferrer(organisationId, subject.submittedByUserId, NotificationKind.RequestNeedsInfo, `request.needs-info:${exchangeId}`, { params, path: `/requests/${requestId}` }, manager);
    });
  }
}

/** `request.info-received` → every coordinator hears the request is back in their queue. */
@Injectable()
@HandlesJob(JobName.RequestInfoReceived)
export class RequestInfoReceivedHandler implements JobHandler<JobName.RequestInfoReceived> {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly notifier: Notifier,
  ) {}

  async handle({ organisationId, requestId, exchangeId }: JobPayload<JobName.RequestInfoReceived>): Promise<void> {
    const params = await this.notifications.aboutRequest(requestId);
    await this.notifier.notifyCoordinators(organisationId, NotificationKind.RequestInfoReceived, `request.info-received:${exchangeId}`, { params, path: `/requests/${requestId}` });
  }
}

/** `request.ended` → the referrer hears that the request was rejected or cancelled, and why. */
@Injectable()
@HandlesJob(JobName.RequestEnded)
export class RequestEndedHandler implements JobHandler<JobName.RequestEnded> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feedback: FeedbackService,
  ) {}

  async handle({ organisationId, requestId }: JobPayload<JobName.RequestEnded>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const subject = await this.feedback.subject(manager, organisationId, requestId);
      // Both states are final, so the status and its reason are still those of the event.
      if (subject?.status !== 'rejected' && subject?.status !== 'cancelled') return;
      await this.feedback.record(manager, organisationId, requestId, subject.status, { reason: subject.statusReason ?? '' });
    });
  }
}

/**
 * `match.started` → the follow-up plan, the first progress message scheduled, the GP notice for a
 * buddy match, and the volunteer's notification.
 */
@Injectable()
@HandlesJob(JobName.MatchStarted)
export class MatchStartedHandler implements JobHandler<JobName.MatchStarted> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: MatchFactsRepository,
    private readonly followUps: FollowUpRepository,
    private readonly feedback: FeedbackService,
    private readonly notifications: NotificationRepository,
    private readonly notifier: Notifier,
    private readonly outbox: OutboxRepository,
  ) {}

  async handle({ organisationId, matchId }: JobPayload<JobName.MatchStarted>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const match = await this.facts.match(organisationId, matchId, manager, true);
      if (!match?.startedAt) return;
      if (match.status === 'active') {
        await this.followUps.createPlan(manager, match, followUpPlan(match.startedAt, match.followUpSchedule, match.maxMatchMonths));
        if (match.progressFeedbackMonths) {
          const first = progressJob(organisationId, matchId, nextMonthStart(addMonths(match.startedAt, match.progressFeedbackMonths - 1)));
          await this.outbox.add(manager, JobName.FeedbackProgress, first.payload, first.options);
        }
      }
      if (match.programmeKind === 'buddy') {
        await this.feedback.record(manager, organisationId, match.requestId, 'gp_notice', { startDate: match.startedAt.toISOString().slice(0, 10) });
      }
      const params = await this.notifications.aboutRequest(match.requestId, manager);
      await this.notifier.notifyVolunteer(organisationId, match.volunteerId, NotificationKind.MatchStarted, `match.started:${matchId}`, { params, path: `/matches/${matchId}` }, manager);
    });
  }
}

/** `request.matched` → the referrer hears who (first name) and from when. */
@Injectable()
@HandlesJob(JobName.RequestMatched)
export class RequestMatchedHandler implements JobHandler<JobName.RequestMatched> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: MatchFactsRepository,
    private readonly feedback: FeedbackService,
  ) {}

  async handle({ organisationId, requestId, matchId }: JobPayload<JobName.RequestMatched>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const match = await this.facts.match(organisationId, matchId, manager);
      if (!match) return;
      const subject = await this.feedback.subject(manager, organisationId, requestId);
      const started = match.startedAt?.toISOString().slice(0, 10) ?? null;
      const startDate = subject?.startDate && started && subject.startDate > started ? subject.startDate : started;
      await this.feedback.record(manager, organisationId, requestId, 'matched', { volunteerFirstName: match.volunteerFirstName, startDate });
    });
  }
}

/** `match.ended` → open follow-ups cancelled, the referrer told why in plain words, the volunteer notified. */
@Injectable()
@HandlesJob(JobName.MatchEnded)
export class MatchEndedHandler implements JobHandler<JobName.MatchEnded> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: MatchFactsRepository,
    private readonly followUps: FollowUpRepository,
    private readonly feedback: FeedbackService,
    private readonly notifications: NotificationRepository,
    private readonly notifier: Notifier,
  ) {}

  async handle({ organisationId, matchId }: JobPayload<JobName.MatchEnded>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const match = await this.facts.match(organisationId, matchId, manager, true);
      if (!match) return;
      await this.followUps.cancelOpen(manager, matchId);
      const reason = (match.endReason ?? 'other') as EndReason;
      await this.feedback.record(manager, organisationId, match.requestId, 'ended', { endReason: reason });
      const params = await this.notifications.aboutRequest(match.requestId, manager);
      await this.notifier.notifyVolunteer(organisationId, match.volunteerId, NotificationKind.MatchEnded, `match.ended:${matchId}`, { params, path: `/matches/${matchId}` }, manager);
    });
  }
}

/** `visit.completed` → `first_visit` for the request (once; it names the earliest visit that took place). */
@Injectable()
@HandlesJob(JobName.VisitCompleted)
export class VisitCompletedHandler implements JobHandler<JobName.VisitCompleted> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: MatchFactsRepository,
    private readonly feedback: FeedbackService,
  ) {}

  async handle({ organisationId, visitId }: JobPayload<JobName.VisitCompleted>): Promise<void> {
    const visit = await this.facts.firstVisit(organisationId, visitId);
    if (!visit) return;
    await this.dataSource.transaction((manager) => this.feedback.record(manager, organisationId, visit.requestId, 'first_visit', { visitDate: visit.firstVisitAt }));
  }
}

/** `feedback.progress` for a period → a progress message while the match runs, and the next one scheduled. */
@Injectable()
@HandlesJob(JobName.FeedbackProgress)
export class FeedbackProgressHandler implements JobHandler<JobName.FeedbackProgress> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: MatchFactsRepository,
    private readonly feedback: FeedbackService,
    private readonly outbox: OutboxRepository,
  ) {}

  async handle({ organisationId, matchId, period }: JobPayload<JobName.FeedbackProgress>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const match = await this.facts.match(organisationId, matchId, manager);
      if (!match?.startedAt || match.status !== 'active' || !match.progressFeedbackMonths) return;
      const end = nextMonthStart(new Date(`${period}-01T00:00:00Z`));
      const visits = await this.facts.visitsDone(matchId, addMonths(end, -match.progressFeedbackMonths), end);
      await this.feedback.record(manager, organisationId, match.requestId, 'progress', { visitsInPeriod: visits }, period);
      const next = progressJob(organisationId, matchId, addMonths(end, match.progressFeedbackMonths));
      await this.outbox.add(manager, JobName.FeedbackProgress, next.payload, next.options);
    });
  }
}

/** `feedback.deliver` → one attempt to send a message. */
@Injectable()
@HandlesJob(JobName.FeedbackDeliver)
export class FeedbackDeliverHandler implements JobHandler<JobName.FeedbackDeliver> {
  constructor(private readonly feedback: FeedbackService) {}

  async handle({ messageId }: JobPayload<JobName.FeedbackDeliver>): Promise<void> {
    await this.feedback.deliver(messageId);
  }
}

/** `followup.due` → the coordinator's reminder. */
@Injectable()
@HandlesJob(JobName.FollowUpDue)
export class FollowUpDueHandler implements JobHandler<JobName.FollowUpDue> {
  constructor(private readonly followUps: FollowUpsService) {}

  async handle({ organisationId, followUpId, dueAt }: JobPayload<JobName.FollowUpDue>): Promise<void> {
    await this.followUps.remind(organisationId, followUpId, new Date(dueAt));
  }
}

export const LOOP_HANDLERS = [
  RequestReceivedHandler,
  RequestUnmatchedCheckHandler,
  RequestNeedsInfoHandler,
  RequestInfoReceivedHandler,
  RequestEndedHandler,
  MatchStartedHandler,
  RequestMatchedHandler,
  MatchEndedHandler,
  VisitCompletedHandler,
  FeedbackProgressHandler,
  FeedbackDeliverHandler,
  FollowUpDueHandler,
];
