/**
 * Every queue and job of the service, in one place. Payloads carry ids only: a handler reloads what
 * it needs from PostgreSQL, so no name, email or diagnosis is ever stored in Redis.
 */
export enum QueueName {
  Notifications = 'notifications',
  /** Urgent vigil work, apart so it never waits behind a burst of notifications. */
  Vigil = 'vigil',
  /** Deliveries to the outside world (SMTP, webhooks, people's non-urgent notifications): slow receivers never hold up the rest. */
  Feedback = 'feedback',
}

/** Job names double as outbox topics: an outbox row with topic X becomes a job named X. */
export enum JobName {
  UserCreated = 'user.created',
  /** A volunteer accepted: the match is active. */
  MatchStarted = 'match.started',
  /** A coordinator ended an active match, or the vigil window closed. */
  MatchEnded = 'match.ended',
  /** The request has its volunteer. */
  RequestMatched = 'request.matched',
  /** Send the next wave of offers for a triaged vigil request (scheduled through `availableAt`). */
  VigilWave = 'vigil.wave',
  /** The escalation deadline of a vigil request: alert the coordinators if nobody accepted. */
  VigilEscalate = 'vigil.escalate',
  /** A vigil alert was raised: tell the organisation's coordinators. */
  VigilAlerted = 'vigil.alerted',
  /** A vigil was accepted: the other volunteers offered it hear it was taken. */
  VigilTaken = 'vigil.taken',
  /** The vigil window ended: open offers expire, the vigil's match ends. */
  VigilFinish = 'vigil.finish',
  /** A request was submitted: the referrer hears it arrived. */
  RequestReceived = 'request.received',
  /** A request's no-match deadline (scheduled): the referrer hears if it is still unmatched. */
  RequestUnmatchedCheck = 'request.unmatched-check',
  /** A coordinator asked for more information at triage: the referrer hears the question. */
  RequestNeedsInfo = 'request.needs-info',
  /** The referrer answered: the request is back in the coordinators' queue. */
  RequestInfoReceived = 'request.info-received',
  /** A request was rejected or cancelled: the referrer hears why. */
  RequestEnded = 'request.ended',
  /** A visit took place: the first one is news for the referrer. */
  VisitCompleted = 'visit.completed',
  /** A periodic progress message for a running match (scheduled). */
  FeedbackProgress = 'feedback.progress',
  /** Send one feedback message (email or webhook), with retries. */
  FeedbackDeliver = 'feedback.deliver',
  /** A follow-up fell due (scheduled): remind its coordinator. */
  FollowUpDue = 'followup.due',
  /** Mint an invitation link for a user and email it. */
  AccountInvitation = 'account.invitation',
  /** A password reset was asked for an address: mail a link to each of its accounts, if any. */
  PasswordResetRequested = 'account.password-reset',

  /** Send one notification on one channel (email, push, sms), with retries. */
  NotificationDeliver = 'notification.deliver',
  /** The same for urgent kinds (vigil offers and alerts), on the vigil queue. */
  NotificationDeliverUrgent = 'notification.deliver-urgent',
  /** The daily scan for credentials that expire soon (each run schedules the next). */
  CredentialExpiryScan = 'credential.expiry-scan',
  /** A person's daily digest email of unread notifications (scheduled at their digest time). */
  NotificationDigest = 'notification.digest',
}

interface OutboxRef {
  /** The outbox row that produced this job; also the BullMQ job id. */
  outboxId: string;
}

export interface EventPayloads {
  [JobName.UserCreated]: { userId: string; organisationId: string };
  [JobName.MatchStarted]: { organisationId: string; matchId: string };
  [JobName.MatchEnded]: { organisationId: string; matchId: string };
  [JobName.RequestMatched]: { organisationId: string; requestId: string; matchId: string };
  [JobName.VigilWave]: { organisationId: string; requestId: string; wave: number };
  [JobName.VigilEscalate]: { organisationId: string; requestId: string };
  [JobName.VigilAlerted]: { organisationId: string; alertId: string };
  [JobName.VigilFinish]: { organisationId: string; requestId: string };
  [JobName.VigilTaken]: { organisationId: string; requestId: string; offerIds: string[] };
  [JobName.RequestReceived]: { organisationId: string; requestId: string };
  [JobName.RequestUnmatchedCheck]: { organisationId: string; requestId: string };
  [JobName.RequestNeedsInfo]: { organisationId: string; requestId: string; exchangeId: string };
  [JobName.RequestInfoReceived]: { organisationId: string; requestId: string; exchangeId: string };
  [JobName.RequestEnded]: { organisationId: string; requestId: string };
  [JobName.VisitCompleted]: { organisationId: string; visitId: string };
  [JobName.FeedbackProgress]: { organisationId: string; matchId: string; period: string };
  [JobName.FeedbackDeliver]: { organisationId: string; messageId: string };
  [JobName.FollowUpDue]: { organisationId: string; followUpId: string; dueAt: string };
  [JobName.AccountInvitation]: { organisationId: string; userId: string };
  [JobName.PasswordResetRequested]: { resetRequestId: string };

  [JobName.NotificationDeliver]: { organisationId: string; deliveryId: string };
  [JobName.NotificationDeliverUrgent]: { organisationId: string; deliveryId: string };
  [JobName.NotificationDigest]: { organisationId: string; userId: string; at: string };
  /** `day`: the Amsterdam date of the scan, YYYY-MM-DD. */
  [JobName.CredentialExpiryScan]: { day: string };
}

export type JobPayload<J extends JobName> = EventPayloads[J] & OutboxRef;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.UserCreated]: QueueName.Notifications,
  [JobName.MatchStarted]: QueueName.Notifications,
  [JobName.MatchEnded]: QueueName.Notifications,
  [JobName.RequestMatched]: QueueName.Notifications,
  [JobName.VigilAlerted]: QueueName.Notifications,
  [JobName.VigilWave]: QueueName.Vigil,
  [JobName.VigilEscalate]: QueueName.Vigil,
  [JobName.VigilFinish]: QueueName.Vigil,
  [JobName.VigilTaken]: QueueName.Vigil,
  [JobName.RequestReceived]: QueueName.Notifications,
  [JobName.RequestUnmatchedCheck]: QueueName.Notifications,
  [JobName.RequestNeedsInfo]: QueueName.Notifications,
  [JobName.RequestInfoReceived]: QueueName.Notifications,
  [JobName.RequestEnded]: QueueName.Notifications,
  [JobName.VisitCompleted]: QueueName.Notifications,
  [JobName.FeedbackProgress]: QueueName.Notifications,
  [JobName.FollowUpDue]: QueueName.Notifications,
  [JobName.FeedbackDeliver]: QueueName.Feedback,
  // Emails to the outside world, like feedback: a slow SMTP server holds up nothing else.
  [JobName.AccountInvitation]: QueueName.Feedback,
  [JobName.PasswordResetRequested]: QueueName.Feedback,

  [JobName.NotificationDeliver]: QueueName.Feedback,
  [JobName.NotificationDeliverUrgent]: QueueName.Vigil,
  [JobName.NotificationDigest]: QueueName.Feedback,
  [JobName.CredentialExpiryScan]: QueueName.Notifications,
};

/** Defaults for every job: retried with exponential backoff; finished jobs go, failed ones stay visible. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: false,
};

export function isJobName(name: string): name is JobName {
  return (Object.values(JobName) as string[]).includes(name);
}
