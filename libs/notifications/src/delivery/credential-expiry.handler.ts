import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HandlesJob, JobHandler, JobName, JobPayload, OutboxRepository } from '@app/outbox';
import { NotificationKind } from '../inbox/notification.entity';
import { NotificationRepository } from '../inbox/notification.repository';
import { nextAmsterdamTime } from '../preferences/preferences';
import { Notifier } from './notifier.service';

/** How far ahead a volunteer hears that a credential (VOG, training) runs out. */
export const CREDENTIAL_NOTICE_DAYS = 30;
/** The scan runs each morning, Amsterdam time. */
const SCAN_AT = '06:00';
const DAY = 86_400_000;

const amsterdamDate = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(instant);

/**
 * The scan's outbox row for the day of `now` (idempotent: one per day by its dedupe key). The worker
 * writes it at start; each scan writes the next morning's, so the chain lives in PostgreSQL.
 */
export async function scheduleCredentialScan(dataSource: DataSource, outbox: OutboxRepository, now = new Date(), availableAt?: Date): Promise<void> {
  const day = amsterdamDate(availableAt ?? now);
  await dataSource.transaction((manager) => outbox.add(manager, JobName.CredentialExpiryScan, { day }, { availableAt, dedupeKey: `credential.expiry-scan:${day}` }));
}

/**
 * `credential.expiry-scan` for a day → each volunteer whose credential expires within
 * CREDENTIAL_NOTICE_DAYS hears it once per credential and expiry date (a renewed credential with a new
 * date is news again); then tomorrow's scan is scheduled.
 */
@Injectable()
@HandlesJob(JobName.CredentialExpiryScan)
export class CredentialExpiryScanHandler implements JobHandler<JobName.CredentialExpiryScan> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly notifier: Notifier,
    private readonly outbox: OutboxRepository,
  ) {}

  async handle({ day }: JobPayload<JobName.CredentialExpiryScan>): Promise<void> {
    const until = new Date(Date.parse(`${day}T00:00:00Z`) + CREDENTIAL_NOTICE_DAYS * DAY).toISOString().slice(0, 10);
    for (const credential of await this.notifications.expiringCredentials(day, until)) {
      await this.notifier.notifyVolunteer(
        credential.organisationId,
        credential.volunteerId,
        NotificationKind.CredentialExpiring,
        `credential.expiring:${credential.id}:${credential.expiresOn}`,
        { params: { credential: credential.type, expiresOn: credential.expiresOn }, path: '/profile' },
      );
    }
    await scheduleCredentialScan(this.dataSource, this.outbox, new Date(), nextAmsterdamTime(new Date(Date.parse(`${day}T12:00:00Z`)), SCAN_AT));
  }
}
