import { I18nService, phrase } from '@app/i18n';
import { Injectable, Logger } from '@nestjs/common';
import { ConflictError, NotFoundError, Principal } from '@app/core';
import { EmailChannel, NotificationKind, Notifier, WebhookChannel } from '@app/notifications';
import { RequestsService } from '@app/referrals';
import { EntityManager } from 'typeorm';
import { FeedbackFacts, feedbackContent, initials } from './feedback-content';
import { FeedbackEvent, FeedbackMessage } from './feedback-message.entity';
import { FeedbackRepository, FeedbackSubject } from './feedback.repository';

/** Attempts a coordinator's retry allows. */
const RETRY_ATTEMPTS = 8;

/**
 * Feedback to the referrer at the moments that matter to them, over the source's channel (email or
 * signed webhook), and the GP notice when buddy support starts. A message is written once per
 * (request, event, period) before anything is sent; delivery is at least once, with the message id
 * as idempotency key so a receiver can drop a repeat.
 */
@Injectable()
export class FeedbackService {
  private readonly logger = new Logger('Feedback');

  constructor(
    private readonly messages: FeedbackRepository,
    private readonly requests: RequestsService,
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
    private readonly i18n: I18nService,

    private readonly notifier: Notifier,
  ) {}

  /** Writes the referrer's message for an event (inside the caller's transaction). Sources without a channel get none. */
  async record(manager: EntityManager, organisationId: string, requestId: string, event: FeedbackEvent, facts: Partial<FeedbackFacts> = {}, period = ''): Promise<string | null> {
    const subject = await this.messages.subject(manager, organisationId, requestId);
    if (!subject) return null;
    const recipient = this.recipient(subject, event);
    if (!recipient) return null;
    // A GP practice in the Netherlands reads Dutch; a referral source reads the language it chose.
    const locale = event === 'gp_notice' ? 'nl' : subject.sourceLocale;
    const content = feedbackContent(this.i18n, locale, event, {
      requestId,
      clientInitials: initials(subject.clientFirstName, subject.clientLastName),
      programmeName: subject.programmeName,
      submittedAt: subject.submittedAt,
      startDate: subject.startDate,
      period,
      ...facts,
    });
    return this.messages.add(manager, { organisationId, requestId, event, period, content: { ...content, data: { event, requestId, ...content.data } }, ...recipient });
  }

  async subject(manager: EntityManager, organisationId: string, requestId: string): Promise<FeedbackSubject | null> {
    return this.messages.subject(manager, organisationId, requestId);
  }

  /** Every message of a request with its delivery state. Referrers see their own source's requests only (404 otherwise). */
  async listForRequest(actor: Principal, requestId: string): Promise<FeedbackMessage[]> {
    await this.requests.get(actor, requestId);
    const messages = await this.messages.forRequest(actor.organisationId, requestId);
    // The GP notice is between the service and the GP.
    return actor.role === 'referrer' ? messages.filter((m) => m.event !== 'gp_notice') : messages;
  }

  async retry(actor: Principal, id: string): Promise<FeedbackMessage> {
    const message = await this.messages.find(actor.organisationId, id);
    if (!message) throw new NotFoundError('Feedback message', id);
    if (!(await this.messages.retry(actor.organisationId, id, RETRY_ATTEMPTS))) {
      throw new ConflictError('feedback_not_failed', phrase('errors.feedback_not_failed', { status: message.status }));
    }
    return (await this.messages.find(actor.organisationId, id)) as FeedbackMessage;
  }

  /**
   * One delivery attempt. Throws while attempts are left (BullMQ retries with backoff); after the last
   * one the message is `failed`, visible in the API, and the job ends.
   */
  async deliver(id: string): Promise<void> {
    const message = await this.messages.startAttempt(id);
    if (!message) {
      await this.messages.failExhausted(id);
      return; // delivered already, failed, or unknown
    }
    try {
      if (message.channel === 'email') {
        await this.email.send({ to: message.recipient, subject: message.subject, text: String(message.content.text), idempotencyKey: message.id });
      } else {
        const secret = await this.messages.webhookSecret(message.requestId);
        if (!secret) throw new Error('The referral source has no webhook secret');
        await this.webhook.send({ url: message.recipient, secret, idempotencyKey: message.id, body: { messageId: message.id, ...(message.content.data as Record<string, unknown>), text: message.content.text, sentAt: new Date().toISOString() } });
      }
    } catch (error) {
      const reason = (error as Error).message;
      const again = await this.messages.recordFailure(id, reason);
      this.logger.warn(`Feedback message ${id} (${message.event}, attempt ${message.attempts}) failed${again ? ', will retry' : ', giving up'}: ${reason}`);
      if (again) throw error;
      // Out of attempts: the coordinators hear it, once per exhausted budget (a retry gives a new one).
      await this.notifier.notifyCoordinators(message.organisationId, NotificationKind.FeedbackFailed, `feedback.failed:${id}:${message.attempts}`, { path: `/requests/${message.requestId}` });
      return;
    }
    await this.messages.markDelivered(id);
  }

  private recipient(subject: FeedbackSubject, event: FeedbackEvent): { channel: 'email' | 'webhook'; recipient: string } | null {
    if (event === 'gp_notice') return subject.gpEmail ? { channel: 'email', recipient: subject.gpEmail } : null;
    if (!subject.sourceActive) return null;
    if (subject.sourceChannel === 'email' && subject.sourceEmail) return { channel: 'email', recipient: subject.sourceEmail };
    if (subject.sourceChannel === 'webhook' && subject.sourceWebhookUrl) return { channel: 'webhook', recipient: subject.sourceWebhookUrl };
    return null;
  }
}
