import type { Locale } from '@app/i18n';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SecretBox } from '@app/core';
import { JobName, OutboxRepository } from '@app/outbox';
import { DataSource, EntityManager } from 'typeorm';
import { FeedbackContent } from './feedback-content';
import { FeedbackChannel, FeedbackEvent, FeedbackMessage } from './feedback-message.entity';

/** What a message is built from: the request, its client's name, programme and source. */
export interface FeedbackSubject {
  requestId: string;
  organisationId: string;
  submittedAt: Date;
  startDate: string | null;
  status: string;
  statusReason: string | null;
  submittedByUserId: string | null;
  clientFirstName: string;
  clientLastName: string;
  gpEmail: string | null;
  programmeName: string;
  programmeKind: string;
  progressFeedbackMonths: number | null;
  noMatchFeedbackDays: number;
  sourceChannel: 'email' | 'webhook' | 'none';
  sourceEmail: string | null;
  sourceWebhookUrl: string | null;
  sourceActive: boolean;
  sourceLocale: Locale;
}

export interface NewFeedbackMessage {
  organisationId: string;
  requestId: string;
  event: FeedbackEvent;
  period: string;
  channel: FeedbackChannel;
  recipient: string;
  content: FeedbackContent;
}

/** Feedback messages: written once per (request, event, period), then delivered by `feedback.deliver` jobs. */
@Injectable()
export class FeedbackRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly secrets: SecretBox,
  ) {}

  async subject(manager: EntityManager, organisationId: string, requestId: string): Promise<FeedbackSubject | null> {
    const [row] = await manager.query(
      `SELECT r.id, r.organisation_id, r.submitted_at, r.start_date::text AS start_date, r.status, r.status_reason, r.submitted_by_user_id, c.first_name, c.last_name, c.gp->>'email' AS gp_email,
              p.name AS programme_name, p.kind, p.progress_feedback_months, p.no_match_feedback_days,
              s.feedback_channel, s.feedback_email, s.webhook_url, s.active, s.locale
         FROM request r JOIN client c ON c.id = r.client_id JOIN programme p ON p.id = r.programme_id JOIN referral_source s ON s.id = r.referral_source_id
        WHERE r.organisation_id = $1 AND r.id = $2`,
      [organisationId, requestId],
    );
    if (!row) return null;
    return {
      requestId: row.id,
      organisationId: row.organisation_id,
      submittedAt: row.submitted_at,
      startDate: row.start_date,
      status: row.status,
      statusReason: row.status_reason,
      submittedByUserId: row.submitted_by_user_id,
      clientFirstName: row.first_name,
      clientLastName: row.last_name,
      gpEmail: row.gp_email,
      programmeName: row.programme_name,
      programmeKind: row.kind,
      progressFeedbackMonths: row.progress_feedback_months,
      noMatchFeedbackDays: row.no_match_feedback_days,
      sourceChannel: row.feedback_channel,
      sourceEmail: row.feedback_email,
      sourceWebhookUrl: row.webhook_url,
      sourceActive: row.active,
      sourceLocale: row.locale,
    };
  }

  /**
   * Writes the message unless one exists for (request, event, period), and with it the outbox row
   * that delivers it: both in the caller's transaction. Returns the new message's id, or null.
   */
  async add(manager: EntityManager, message: NewFeedbackMessage): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO feedback_message (organisation_id, request_id, event, period, channel, recipient, subject, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (request_id, event, period) DO NOTHING
       RETURNING id`,
      [
        message.organisationId,
        message.requestId,
        message.event,
        message.period,
        message.channel,
        message.recipient,
        message.content.subject,
        { text: message.content.text, data: message.content.data },
      ],
    );
    const id = rows[0]?.id ?? null;
    if (id) await this.outbox.add(manager, JobName.FeedbackDeliver, { organisationId: message.organisationId, messageId: id }, { dedupeKey: `feedback.deliver:${id}:0` });
    return id;
  }

  async find(organisationId: string, id: string): Promise<FeedbackMessage | null> {
    return this.dataSource.getRepository(FeedbackMessage).findOne({ where: { organisationId, id } });
  }

  async forRequest(organisationId: string, requestId: string): Promise<FeedbackMessage[]> {
    return this.dataSource.getRepository(FeedbackMessage).find({ where: { organisationId, requestId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The signing secret of the request's referral source (never returned by the API). */
  async webhookSecret(requestId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT s.webhook_secret FROM request r JOIN referral_source s ON s.id = r.referral_source_id WHERE r.id = $1`, [requestId]);
    return row?.webhook_secret ? this.secrets.open(row.webhook_secret) : null;
  }

  /** Counts the attempt before sending, so a crash mid-way still counts. Null when the message needs no attempt. */
  async startAttempt(id: string): Promise<FeedbackMessage | null> {
    // UPDATE … RETURNING answers [rows, count] through TypeORM's pg driver.
    const [rows] = await this.dataSource.query(
      `UPDATE feedback_message SET attempts = attempts + 1, last_attempt_at = now()
        WHERE id = $1 AND status = 'pending' AND attempts < max_attempts
        RETURNING id`,
      [id],
    );
    if (rows.length === 0) return null;
    return this.dataSource.getRepository(FeedbackMessage).findOne({ where: { id } });
  }

  async markDelivered(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE feedback_message SET status = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1`, [id]);
  }

  /** Records the error; after the last allowed attempt the message is `failed`. Returns whether it may be tried again. */
  async recordFailure(id: string, error: string): Promise<boolean> {
    const [[row]] = await this.dataSource.query(
      `UPDATE feedback_message SET last_error = $2, status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE status END
        WHERE id = $1 RETURNING status`,
      [id, error.slice(0, 500)],
    );
    return row?.status === 'pending';
  }

  /** Gives the pending messages that ran out of attempts their final state. */
  async failExhausted(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE feedback_message SET status = 'failed' WHERE id = $1 AND status = 'pending' AND attempts >= max_attempts`, [id]);
  }

  /** A coordinator's retry: a failed message gets a new budget of attempts and a new delivery job. */
  async retry(organisationId: string, id: string, attempts: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE feedback_message SET status = 'pending', max_attempts = attempts + $3
          WHERE organisation_id = $1 AND id = $2 AND status = 'failed' RETURNING attempts`,
        [organisationId, id, attempts],
      );
      if (rows.length === 0) return false;
      await this.outbox.add(manager, JobName.FeedbackDeliver, { organisationId, messageId: id }, { dedupeKey: `feedback.deliver:${id}:${rows[0].attempts}` });
      return true;
    });
  }
}
