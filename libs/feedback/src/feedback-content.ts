import type { FeedbackEvent } from './feedback-message.entity';

/**
 * What a feedback message may say. The referrer already knows the client, so the client appears by
 * initials and the request id only; there is no diagnosis, no address and nothing the volunteer or
 * coordinator wrote down. The volunteer appears by first name.
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
}

export interface FeedbackContent {
  subject: string;
  text: string;
  data: Record<string, unknown>;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export function feedbackContent(event: FeedbackEvent, facts: FeedbackFacts): FeedbackContent {
  const about = `your request for ${facts.clientInitials} (${facts.programmeName}, submitted ${day(facts.submittedAt)})`;
  switch (event) {
    case 'received':
      return { subject: 'Request received', text: `We received ${about}. A coordinator will look at it soon.`, data: {} };
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
