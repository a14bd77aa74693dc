import { HttpStatus, Injectable } from '@nestjs/common';
import { AppConfig, AppError, NotFoundError, Page, Principal, ReferralSourceType } from '@app/core';
import { webhookUrlProblem } from '@app/notifications';
import { ReferralSourceData, ReferralSourceRepository, ReferralSourceView } from './referral-source.repository';
import { phrase, Phrase } from '@app/i18n';

export type ReferralSourceInput = Partial<ReferralSourceData> & Pick<ReferralSourceData, 'name' | 'type'>;

/** Referral sources of the caller's organisation. A referrer sees only their own source. */
@Injectable()
export class ReferralSourcesService {
  constructor(
    private readonly sources: ReferralSourceRepository,
    private readonly config: AppConfig,
  ) {}

  async list(actor: Principal, filter: { type?: ReferralSourceType; q?: string; active?: boolean; page: number; pageSize: number }): Promise<Page<ReferralSourceView>> {
    const [items, total] = await this.sources.list(actor.organisationId, { ...filter, skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  async get(actor: Principal, id: string, ownSourceId?: string | null): Promise<ReferralSourceView> {
    const source = actor.role === 'referrer' && ownSourceId !== id ? null : await this.sources.find(actor.organisationId, id);
    if (!source) throw new NotFoundError('Referral source', id);
    return source;
  }

  async create(actor: Principal, input: ReferralSourceInput): Promise<ReferralSourceView> {
    const data: ReferralSourceData = {
      name: input.name,
      type: input.type,
      contactName: input.contactName ?? null,
      contactEmail: input.contactEmail ?? null,
      contactPhone: input.contactPhone ?? null,
      feedbackChannel: input.feedbackChannel ?? 'none',
      feedbackEmail: input.feedbackEmail ?? null,
      webhookUrl: input.webhookUrl ?? null,
      webhookSecret: input.webhookSecret ?? null,
      active: input.active ?? true,
      locale: input.locale ?? 'nl',
    };
    this.checkChannel(data.feedbackChannel, data.feedbackEmail, data.webhookUrl, Boolean(data.webhookSecret));
    return this.sources.create(actor.organisationId, data);
  }

  async update(actor: Principal, id: string, input: Partial<ReferralSourceData>): Promise<ReferralSourceView> {
    const current = await this.get(actor, id);
    const next = { ...current, ...input };
    const hasSecret = input.webhookSecret !== undefined ? Boolean(input.webhookSecret) : current.hasWebhookSecret; // null clears it
    this.checkChannel(next.feedbackChannel, next.feedbackEmail, next.webhookUrl, hasSecret);
    return (await this.sources.update(actor.organisationId, id, input)) as ReferralSourceView;
  }

  /** The channel must be usable: an email channel needs an address, a webhook a URL and a secret. */
  private checkChannel(channel: string, email: string | null, url: string | null, hasSecret: boolean): void {
    const fail = (text: Phrase) => {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'feedback_channel_incomplete', text);
    };
    if (channel === 'email' && !email) fail(phrase('errors.feedback_channel_incomplete'));
    if (channel === 'webhook' && (!url || !hasSecret)) fail(phrase('errors.feedback_channel_incomplete_webhook'));
    const problem = url ? webhookUrlProblem(url, this.config.webhooks.allowedPrivate) : null;
    if (problem) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'webhook_url_not_allowed', undefined, { problem });
    }
  }
}
