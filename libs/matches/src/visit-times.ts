/** The longest visit, planned or recorded; a longer vigil is covered by several. */
export const MAX_VISIT_HOURS = 24;
const HOUR = 3_600_000;

/** Consecutive visits of at most MAX_VISIT_HOURS that cover [start, end) exactly (60 hours: 24 + 24 + 12). */
export function splitIntoVisits(start: Date, end: Date): Array<{ startsAt: Date; endsAt: Date }> {
  const parts = [];
  for (let from = start.getTime(); from < end.getTime(); from += MAX_VISIT_HOURS * HOUR) {
    parts.push({ startsAt: new Date(from), endsAt: new Date(Math.min(from + MAX_VISIT_HOURS * HOUR, end.getTime())) });
  }
  return parts;
}
