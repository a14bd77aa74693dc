import { EntityManager } from 'typeorm';
import { JobName, OutboxRepository } from '@app/outbox';
import { PROGRAMME_DEFAULTS, Programme } from '@app/programmes';
import { Request } from './request.entity';

const MINUTE = 60_000;

/**
 * A triaged vigil starts three timers, all in the outbox (PostgreSQL), none only in Redis: the first
 * wave of offers now, the escalation deadline (never after the window starts), and the end of the
 * window. Dedupe keys make triaging again harmless.
 */
export async function scheduleVigil(outbox: OutboxRepository, manager: EntityManager, request: Request, programme: Programme): Promise<void> {
  const defaults = PROGRAMME_DEFAULTS.vigil;
  const windowStart = request.vigilWindowStart as Date;
  const windowEnd = request.vigilWindowEnd as Date;
  const escalationMinutes = programme.vigilEscalationMinutes ?? (defaults.vigilEscalationMinutes as number);
  const escalateAt = new Date(Math.min(Date.now() + escalationMinutes * MINUTE, windowStart.getTime()));
  const ids = { organisationId: request.organisationId, requestId: request.id };
  await outbox.add(manager, JobName.VigilWave, { ...ids, wave: 1 }, { dedupeKey: `vigil.wave:${request.id}:1` });
  await outbox.add(manager, JobName.VigilEscalate, ids, { availableAt: escalateAt, dedupeKey: `vigil.escalate:${request.id}` });
  await outbox.add(manager, JobName.VigilFinish, ids, { availableAt: windowEnd, dedupeKey: `vigil.finish:${request.id}` });
}
