import { maskOfInterval, slotBitAt } from './amsterdam-time';
import { maskToSlots } from './availability';

describe('Weekly slots of real instants, in Amsterdam time', () => {
  it('puts Tuesday 14:00 in Tuesday afternoon (winter, UTC+1)', () => {
    expect(maskToSlots(slotBitAt(new Date('2026-12-01T13:00:00Z')))).toEqual([{ day: 'tue', part: 'afternoon' }]);
  });

  it('counts Wednesday 03:00 as Tuesday night', () => {
    expect(maskToSlots(slotBitAt(new Date('2026-12-02T02:00:00Z')))).toEqual([{ day: 'tue', part: 'night' }]);
  });

  it('maps a vigil window crossing midnight to the one night it belongs to', () => {
    const mask = maskOfInterval(new Date('2026-12-01T21:00:00Z'), new Date('2026-12-02T06:00:00Z')); // Tue 22:00 – Wed 07:00
    expect(maskToSlots(mask)).toEqual([{ day: 'tue', part: 'night' }]);
  });

  it('follows the clock through the DST change (last Sunday of March, 02:00 → 03:00)', () => {
    // Saturday 28 March 2026 21:30 → Sunday 29 March 08:30, local: UTC+1 before, UTC+2 after.
    const mask = maskOfInterval(new Date('2026-03-28T20:30:00Z'), new Date('2026-03-29T06:30:00Z'));
    expect(maskToSlots(mask)).toEqual([
      { day: 'sat', part: 'evening' },
      { day: 'sat', part: 'night' },
      { day: 'sun', part: 'morning' }, // 06:00 UTC is 08:00 local after the change, not 07:00
    ]);
  });

  it('ends a window at its end: 22:00–08:00 touches no morning', () => {
    const mask = maskOfInterval(new Date('2026-12-01T21:00:00Z'), new Date('2026-12-02T07:00:00Z'));
    expect(maskToSlots(mask)).toEqual([{ day: 'tue', part: 'night' }]);
  });
});
