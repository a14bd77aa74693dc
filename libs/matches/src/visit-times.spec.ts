import { splitIntoVisits } from './visit-times';

const HOUR = 3_600_000;
const start = new Date('2026-12-01T21:00:00Z');
const hours = (parts: ReturnType<typeof splitIntoVisits>) => parts.map((p) => (p.endsAt.getTime() - p.startsAt.getTime()) / HOUR);

describe('Covering a vigil window with visits of at most 24 hours', () => {
  it('keeps a night as one visit', () => {
    expect(splitIntoVisits(start, new Date(start.getTime() + 9 * HOUR))).toEqual([{ startsAt: start, endsAt: new Date(start.getTime() + 9 * HOUR) }]);
  });

  it('splits 60 hours into 24 + 24 + 12, back to back, from the start to the end of the window', () => {
    const end = new Date(start.getTime() + 60 * HOUR);
    const parts = splitIntoVisits(start, end);
    expect(hours(parts)).toEqual([24, 24, 12]);
    expect(parts[0].startsAt).toEqual(start);
    expect(parts[2].endsAt).toEqual(end);
    expect(parts[1].startsAt).toEqual(parts[0].endsAt);
  });

  it('makes exactly 72 hours three whole days, with no empty visit at the end', () => {
    expect(hours(splitIntoVisits(start, new Date(start.getTime() + 72 * HOUR)))).toEqual([24, 24, 24]);
  });
});
