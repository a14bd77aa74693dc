import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HandlesJob, JobHandler, JobName, JobPayload, OutboxRepository } from '@app/outbox';
import { NotificationKind, NotificationRepository, Notifier } from '@app/notifications';
import { PROGRAMME_DEFAULTS } from '@app/programmes';
import { RequestRepository } from '@app/referrals';
import { DataSource } from 'typeorm';
import { MatchingService } from './matching.service';

const MINUTE = 60_000;

/**
 * `vigil.wave` n: offers to the best eligible volunteers not asked yet, then wave n+1 scheduled after
 * the programme's interval, until the window starts. Safe to run twice: the request row lock
 * serialises runs, a wave whose offers exist sends nothing again, offers are unique per volunteer,
 * and the next wave's outbox row has a dedupe key.
 */
@Injectable()
@HandlesJob(JobName.VigilWave)
export class VigilWaveHandler implements JobHandler<JobName.VigilWave> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matching: MatchingService,
    private readonly requests: RequestRepository,
    private readonly notifications: NotificationRepository,
    private readonly notifier: Notifier,
    private readonly outbox: OutboxRepository,
  ) {}

  async handle({ organisationId, requestId, wave }: JobPayload<JobName.VigilWave>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const request = await this.requests.lock(manager, organisationId, requestId);
      // Accepted, proposed by hand, or closed: the waves stop. So do they once the window has started.
      if (request.kind !== 'vigil' || request.status !== 'triaged' || !request.vigilWindowStart) return;
      if (request.vigilWindowStart.getTime() <= Date.now()) return;
      const [programme] = await manager.query(`SELECT vigil_wave_size, vigil_wave_interval_minutes FROM programme WHERE id = $1`, [request.programmeId]);
      const size: number = programme.vigil_wave_size ?? PROGRAMME_DEFAULTS.vigil.vigilWaveSize;
      const interval: number = programme.vigil_wave_interval_minutes ?? PROGRAMME_DEFAULTS.vigil.vigilWaveIntervalMinutes;

      const [{ sent }] = await manager.query(`SELECT count(*)::int AS sent FROM vigil_offer WHERE request_id = $1 AND wave = $2`, [requestId, wave]);
      if (sent === 0) {
        const asked = new Set<string>((await manager.query(`SELECT volunteer_id FROM vigil_offer WHERE request_id = $1`, [requestId])).map((r: { volunteer_id: string }) => r.volunteer_id));
        const forMatching = await this.matching.loadRequest(organisationId, requestId);
        const best = forMatching ? (await this.matching.eligible(organisationId, forMatching)).filter((c) => !asked.has(c.volunteerId)).slice(0, size) : [];
        const about = await this.notifications.aboutRequest(requestId, manager);
        for (const candidate of best) {
          const [offer] = await manager.query(
            `INSERT INTO vigil_offer (organisation_id, request_id, client_id, volunteer_id, wave, score, breakdown)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (request_id, volunteer_id) DO NOTHING
             RETURNING id`,
            [organisationId, requestId, request.clientId, candidate.volunteerId, wave, candidate.score, JSON.stringify(candidate.components)],
          );
          if (offer) await this.notifier.notifyVolunteer(organisationId, candidate.volunteerId, NotificationKind.VigilOffer, `vigil.offer:${offer.id}`, { params: about, path: `/offers/${offer.id}` }, manager);
        }
      }

      const nextAt = new Date(Date.now() + interval * MINUTE);
      if (nextAt < request.vigilWindowStart) {
        await this.outbox.add(manager, JobName.VigilWave, { organisationId, requestId, wave: wave + 1 }, { availableAt: nextAt, dedupeKey: `vigil.wave:${requestId}:${wave + 1}` });
      }
    });
  }
}
