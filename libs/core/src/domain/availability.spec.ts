import { countSlots, FULL_WEEK_MASK, maskToSlots, slotsToMask } from './availability';

describe('Weekly availability as a 28-bit mask', () => {
  it('puts Monday morning in bit 0 and Sunday night in bit 27', () => {
    expect(slotsToMask([{ day: 'mon', part: 'morning' }])).toBe(1);
    expect(slotsToMask([{ day: 'sun', part: 'night' }])).toBe(2 ** 27);
    expect(slotsToMask(maskToSlots(FULL_WEEK_MASK))).toBe(FULL_WEEK_MASK);
  });

  it('round-trips slots in week order and ignores duplicates', () => {
    const mask = slotsToMask([
      { day: 'thu', part: 'afternoon' },
      { day: 'tue', part: 'afternoon' },
      { day: 'tue', part: 'afternoon' },
    ]);
    expect(maskToSlots(mask)).toEqual([
      { day: 'tue', part: 'afternoon' },
      { day: 'thu', part: 'afternoon' },
    ]);
    expect(countSlots(mask)).toBe(2);
  });

  it('finds overlap with a bitwise AND', () => {
    const volunteer = slotsToMask([{ day: 'wed', part: 'evening' }, { day: 'sat', part: 'morning' }]);
    const request = slotsToMask([{ day: 'sat', part: 'morning' }]);
    expect(maskToSlots(volunteer & request)).toEqual([{ day: 'sat', part: 'morning' }]);
  });
});
