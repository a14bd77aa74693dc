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
  endReasonWords?: string;
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
const sentence = (text: string | undefined) => (/[.!?]$/.test(text ?? '') ? text : `${text}.`);

export function feedbackContent(event: FeedbackEvent, facts: FeedbackFacts): FeedbackContent {
  const about = `your request for ${facts.clientInitials} (${facts.programmeName}, submitted ${day(facts.submittedAt)})`;
  switch (event) {
    case 'received':
      return { subject: 'Request received', text: `We received ${about}. A coordinator will look at it soon.`, data: {} };
    case 'needs_info':
      return {
        subject: 'More information needed',
        text: `A coordinator needs more information about ${about}: ${sentence(facts.question)} The request waits until you answer it in the portal.`,
        data: { question: facts.question, round: Number(facts.period) },
      };
    case 'rejected':
      return {
        subject: 'Request not accepted',
        text: `We cannot take on ${about}. Reason: ${sentence(facts.reason)}`,
        data: { reasonText: facts.reason },
      };
    case 'cancelled':
      return {
        subject: 'Request cancelled',
        text: `${about.charAt(0).toUpperCase()}${about.slice(1)} was cancelled. Reason: ${sentence(facts.reason)}`,
        data: { reasonText: facts.reason },
      };
    case 'matched':
      return {
        subject: 'A volunteer was found',
        text: `${facts.volunteerFirstName} will support ${facts.clientInitials}${facts.startDate ? ` from ${facts.startDate}` : ''}. This concerns ${about}.`,
        data: { volunteerFirstName: facts.volunteerFirstName, startDate: facts.startDate ?? null },
      };
    case 'first_visit':
      return {
        subject: 'First visit took place',
        text: `The first visit for ${about} took place on ${day(facts.visitDate as Date)}.`,
        data: { visitDate: day(facts.visitDate as Date) },
      };
    case 'progress':
      return {
        subject: `Progress ${facts.period}`,
        text: `The support for ${about} continues: ${facts.visitsInPeriod} visit(s) in ${facts.period}.`,
        data: { period: facts.period, visits: facts.visitsInPeriod },
      };
    case 'ended':
      return {
        subject: 'Support ended',
        text: `The support for ${about} has ended. Reason: ${facts.endReasonWords}.`,
        data: { reason: facts.endReason, reasonText: facts.endReasonWords },
      };
    case 'no_match':
      return {
        subject: 'No volunteer found yet',
        text: `For ${about} we have not found a volunteer after ${facts.daysWaiting} days. We keep looking; please contact the coordinator if the situation changed.`,
        data: { daysWaiting: facts.daysWaiting },
      };
    case 'gp_notice':
      return {
        subject: 'Buddy support started',
        text: `For your patient ${facts.clientInitials}, buddy support by a trained volunteer (${facts.programmeName}) started${facts.startDate ? ` on ${facts.startDate}` : ''}.`,
        data: {},
      };
  }
}

export function initials(firstName: string, lastName: string): string {
  const last = lastName.split(/\s+/).filter((part) => /^[A-ZÀ-Ý]/.test(part)).pop() ?? lastName;
  return `${firstName.charAt(0)}. ${last.charAt(0)}.`;
}
