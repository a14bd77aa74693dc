import { TIME_ZONE, formatDateTime } from '../../shared/format/format';
import type { Period } from './queries';

/** Minutes the Netherlands' clock is ahead of UTC at this instant (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant a calendar day (YYYY-MM-DD) begins in the Netherlands. */
export function startOfDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const utc = Date.UTC(year, month - 1, date);
  // Twice: the offset at the guess can differ from the offset at local midnight on a clock-change day.
  const guess = utc - offsetMinutes(new Date(utc)) * 60_000;
  return new Date(utc - offsetMinutes(new Date(guess)) * 60_000);
}

function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** An absence of whole days: from the start of the first day up to the start of the day after the last. */
export function absence(firstDay: string, lastDay: string, reason: string): Period {
  const trimmed = reason.trim();
  return {
    startsAt: startOfDay(firstDay).toISOString(),
    endsAt: startOfDay(nextDay(lastDay)).toISOString(),
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
