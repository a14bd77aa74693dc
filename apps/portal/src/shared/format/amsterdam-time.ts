import { CalendarDate, CalendarDateTime, Time, toZoned, today } from '@internationalized/date';
import { TIME_ZONE } from './format';

/**
 * A wall-clock date and time in Amsterdam as RFC 3339 with that moment's offset
 * (2027-01-05T14:00:00+01:00, 2027-07-05T14:00:00+02:00), whatever the device's zone. A time the spring
 * jump skips (02:30 on the last Sunday of March) moves forward like a clock does; an autumn time that
 * happens twice is the first one.
 */
export function amsterdamDateTime(date: CalendarDate, time: Time): string {
  const local = new CalendarDateTime(date.year, date.month, date.day, time.hour, time.minute);
  // toString() adds the zone's name in brackets, which RFC 3339 does not have.
  return toZoned(local, TIME_ZONE, 'compatible').toString().replace(/\[.*\]$/, '');
}

/**
 * Start and end of something on `date` from `start` to `end`, as RFC 3339; an end at or before the
 * start is on the next day (a night from 22:00 to 07:00).
 */
export function amsterdamWindow(date: CalendarDate, start: Time, end: Time): { startsAt: string; endsAt: string; endsNextDay: boolean } {
  const endsNextDay = end.compare(start) <= 0;
  return {
    startsAt: amsterdamDateTime(date, start),
    endsAt: amsterdamDateTime(endsNextDay ? date.add({ days: 1 }) : date, end),
    endsNextDay,
  };
}

/** The instant `date` begins in Amsterdam, in UTC (2027-07-12T22:00:00.000Z for 13 July): a whole day's bound. */
export const amsterdamStartOfDay = (date: CalendarDate): string => toZoned(date, TIME_ZONE).toDate().toISOString();

/** Today's date in Amsterdam. */
export const amsterdamToday = (): CalendarDate => today(TIME_ZONE);

/** The Amsterdam calendar day of an instant, as YYYY-MM-DD (a key to group by). */
export function amsterdamDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
