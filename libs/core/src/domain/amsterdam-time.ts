import { DAY_PARTS, DAYS } from './availability';

const FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
const WEEKDAY: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/**
 * The weekly slot bit of an instant, in Europe/Amsterdam wall-clock time (so DST is handled):
 * morning 08–12, afternoon 12–17, evening 17–22, night 22–08. The hours 00–08 belong to the night
 * of the day before (Monday night runs from Monday 22:00 to Tuesday 08:00).
 */
export function slotBitAt(instant: Date): number {
  const parts = FORMAT.formatToParts(instant);
  let day = WEEKDAY[parts.find((p) => p.type === 'weekday')?.value ?? 'Mon'];
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  let part: number;
  if (hour >= 8 && hour < 12) part = 0;
  else if (hour >= 12 && hour < 17) part = 1;
  else if (hour >= 17 && hour < 22) part = 2;
  else {
    part = 3;
    if (hour < 8) day = (day + 6) % 7;
  }
  return 1 << (day * 4 + part);
}

/** Every weekly slot that the interval [start, end) touches, as a mask. */
export function maskOfInterval(start: Date, end: Date): number {
  let mask = 0;
  // Slot boundaries fall on whole hours; stepping by 15 minutes from the start never skips a slot.
  for (let t = start.getTime(); t < end.getTime(); t += 15 * 60_000) mask |= slotBitAt(new Date(t));
  return mask;
}

export const SLOT_NAMES = DAYS.flatMap((day) => DAY_PARTS.map((part) => `${day} ${part}`));
