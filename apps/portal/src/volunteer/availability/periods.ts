import { parseDate } from '@internationalized/date';
import { amsterdamStartOfDay } from '../../shared/format/amsterdam-time';
import { formatDateTime } from '../../shared/format/format';
import type { Period } from './queries';

/** An absence of whole days: from the start of the first day up to the start of the day after the last. */
export function absence(firstDay: string, lastDay: string, reason: string): Period {
  const trimmed = reason.trim();
  return {
    startsAt: amsterdamStartOfDay(parseDate(firstDay)),
    endsAt: amsterdamStartOfDay(parseDate(lastDay).add({ days: 1 })),
    ...(trimmed ? { reason: trimmed } : {}),
  };
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' };

/** The first and the last day of an absence in words; the end is exclusive, so its last moment is a millisecond before. */
export function absenceDays(period: Period): { first: string; last: string } {
  const last = new Date(new Date(period.endsAt).getTime() - 1).toISOString();
  return { first: formatDateTime(period.startsAt, DAY), last: formatDateTime(last, DAY) };
}

/** Earliest first, so the list reads like a calendar. */
export const byStart = (a: Period, b: Period) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
