import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HandlesJob, JobHandler, JobName, JobPayload, OutboxRepository } from '@app/outbox';
import { NotificationKind, NotificationRepository, Notifier } from '@app/notifications';
import { RequestRepository } from '@app/referrals';
import { DataSource } from 'typeorm';
import { Match } from './match.entity';
import { MatchRepository } from './match.repository';
import { VigilAlertRepository } from './vigil-alert.repository';
import { VigilOfferRepository } from './vigil-offer.repository';

// The vigil's timers after the waves (the wave job itself lives with the matcher, which ranks).

/** `vigil.escalate` → if nobody accepted, one alert row per request and a `vigil.alerted` event. */
@Injectable()
@HandlesJob(JobName.VigilEscalate)
export class VigilEscalateHandler implements JobHandler<JobName.VigilEscalate> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestRepository,
    private readonly alerts: VigilAlertRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async handle({ organisationId, requestId }: JobPayload<JobName.VigilEscalate>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const request = await this.requests.lock(manager, organisationId, requestId);
      if (request.status !== 'triaged') return; // accepted, proposed by hand, or closed: nothing to escalate
      const alertId = await this.alerts.raise(manager, { organisationId, requestId, clientId: request.clientId });
      if (alertId) await this.outbox.add(manager, JobName.VigilAlerted, { organisationId, alertId });
    });
  }
}

/** `vigil.alerted` → every coordinator of the organisation is notified once. */
@Injectable()
@HandlesJob(JobName.VigilAlerted)
export class VigilAlertedHandler implements JobHandler<JobName.VigilAlerted> {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly notifier: Notifier,
    private readonly alerts: VigilAlertRepository,
  ) {}

  async handle({ organisationId, alertId }: JobPayload<JobName.VigilAlerted>): Promise<void> {
    const requestId = await this.alerts.requestOf(organisationId, alertId);
    if (!requestId) return;
    const params = await this.notifications.aboutRequest(requestId);
    await this.notifier.notifyCoordinators(organisationId, NotificationKind.VigilAlert, `vigil.alerted:${alertId}`, { params, path: `/requests/${requestId}` });
  }
}

/** `vigil.taken` → each colleague whose offer was withdrawn by the accept hears it was taken, once. */
@Injectable()
@HandlesJob(JobName.VigilTaken)
export class VigilTakenHandler implements JobHandler<JobName.VigilTaken> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: VigilOfferRepository,
    private readonly notifications: NotificationRepository,
    private readonly notifier: Notifier,
  ) {}

  async handle({ organisationId, requestId, offerIds }: JobPayload<JobName.VigilTaken>): Promise<void> {
    const params = await this.notifications.aboutRequest(requestId);
    const offers = await this.offers.findMany(organisationId, offerIds);
    await this.dataSource.transaction(async (manager) => {
      for (const offer of offers) {
        await this.notifier.notifyVolunteer(organisationId, offer.volunteerId, NotificationKind.VigilTaken, `vigil.taken:${offer.id}`, { params, path: `/offers/${offer.id}` }, manager);
      }
    });
  }
}

/** `vigil.finish` at the end of the window → open offers expire; the vigil's match ends and the request closes. */
@Injectable()
@HandlesJob(JobName.VigilFinish)
export class VigilFinishHandler implements JobHandler<JobName.VigilFinish> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestRepository,
    private readonly matches: MatchRepository,
  ) {}

  async handle({ organisationId, requestId }: JobPayload<JobName.VigilFinish>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const request = await this.requests.lock(manager, organisationId, requestId);
      await manager.query(`UPDATE vigil_offer SET status = 'expired', closed_at = now() WHERE request_id = $1 AND status = 'sent'`, [requestId]);
      const match = await manager.getRepository(Match).findOne({ where: { requestId, status: 'active' }, lock: { mode: 'pessimistic_write' } });
      if (match) await this.matches.endIn(manager, request, match, null, 'vigil_ended', null);
    });
  }
}
