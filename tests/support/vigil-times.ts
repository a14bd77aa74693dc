export const HOUR = 3_600_000;

/** Every part of every day: a volunteer who can sit with someone at any hour. */
export const EVERY_SLOT = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((day) => ['morning', 'afternoon', 'evening', 'night'].map((part) => ({ day, part })));

/** 22:00 UTC `days` from now, for 8 hours: a night. */
export function night(days: number): { start: Date; end: Date } {
  const start = new Date();
  start.setUTCHours(22, 0, 0, 0);
  start.setTime(start.getTime() + days * 24 * HOUR);
  return { start, end: new Date(start.getTime() + 8 * HOUR) };
}
