import type { I18nService, Locale } from '@app/i18n';
import type { FeedbackEvent } from './feedback-message.entity';

/**
 * What a feedback message may say. The referrer already knows the client, so the client appears by
 * initials and the request id only; there is no diagnosis, no address and nothing the volunteer or
 * coordinator wrote down, except what was written for the referrer: the question asked at triage and
 * the reason of a rejection or cancellation. The volunteer appears by first name.
 */
export interface FeedbackFacts {
  requestId: string;
  clientInitials: string;
  programmeName: string;
  submittedAt: Date;
  volunteerFirstName?: string;
  startDate?: string | null;
  visitDate?: Date;
  visitsInPeriod?: number;
  period?: string;
  endReason?: string;
  daysWaiting?: number;
  /** needs_info: what the coordinator asked. */
  question?: string;
  /** rejected, cancelled: the reason as it was given. */
  reason?: string;
}

export interface FeedbackContent {
  subject: string;
  text: string;
  data: Record<string, unknown>;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
/** Free text ends a sentence once, whether or not it came with its own full stop. */
const sentence = (text: string | undefined) => (/[.!?]$/.test(text ?? '') ? (text as string) : `${text}.`);

/**
 * The message for an event in the reader's language (the referral source's, for a GP Dutch): the
 * words from the catalogues (`feedback.*`), the structured `data` for webhooks in stable codes.
 */
export function feedbackContent(i18n: I18nService, locale: Locale, event: FeedbackEvent, facts: FeedbackFacts): FeedbackContent {
  const t = (key: string, vars: Record<string, string | number> = {}) => i18n.t(locale, `feedback.${key}`, vars);
  const request = { initials: facts.clientInitials, programme: facts.programmeName, submitted: day(facts.submittedAt) };
  const about = t('about', request);
  const message = (key: string, vars: Record<string, string | number>, data: Record<string, unknown> = {}) => ({
    subject: t(`${event}.subject`, vars),
    text: t(`${event}.${key}`, { about, ...vars }),
    data,
  });
  switch (event) {
    case 'received':
      return message('text', {});
    case 'needs_info':
      return message('text', { question: sentence(facts.question) }, { question: facts.question, round: Number(facts.period) });
    case 'rejected':
      return message('text', { reason: sentence(facts.reason) }, { reasonText: facts.reason });
    case 'cancelled':
      return message('text', { aboutStart: t('aboutStart', request), reason: sentence(facts.reason) }, { reasonText: facts.reason });
    case 'matched':
      return message(facts.startDate ? 'textFrom' : 'text', { volunteer: facts.volunteerFirstName ?? '', initials: facts.clientInitials, startDate: facts.startDate ?? '' }, {
        volunteerFirstName: facts.volunteerFirstName,
        startDate: facts.startDate ?? null,
      });
    case 'first_visit':
      return message('text', { date: day(facts.visitDate as Date) }, { visitDate: day(facts.visitDate as Date) });
    case 'progress':
      return message('text', { period: facts.period ?? '', count: facts.visitsInPeriod ?? 0 }, { period: facts.period, visits: facts.visitsInPeriod });
    case 'ended': {
      const reason = i18n.t(locale, `vocabulary.endReason.${facts.endReason}`);
      return message('text', { reason }, { reason: facts.endReason, reasonText: reason });
    }
    case 'no_match':
      return message('text', { days: facts.daysWaiting ?? 0 }, { daysWaiting: facts.daysWaiting });
    case 'gp_notice':
      return message(facts.startDate ? 'textOn' : 'text', { initials: facts.clientInitials, programme: facts.programmeName, startDate: facts.startDate ?? '' });
  }
}

export function initials(firstName: string, lastName: string): string {
  const last = lastName.split(/\s+/).filter((part) => /^[A-ZÀ-Ý]/.test(part)).pop() ?? lastName;
  return `${firstName.charAt(0)}. ${last.charAt(0)}.`;
}
