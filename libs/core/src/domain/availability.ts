/**
 * A week is 7 days × 4 parts (morning 08–12, afternoon 12–17, evening 17–22, night 22–08,
 * Europe/Amsterdam): 28 bits. Bit index = day × 4 + part, Monday = 0. Overlap is a bitwise AND.
 */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

export const DAY_PARTS = ['morning', 'afternoon', 'evening', 'night'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

export interface Slot {
  day: Day;
  part: DayPart;
}

export const FULL_WEEK_MASK = 2 ** 28 - 1;

export function slotBit(slot: Slot): number {
  return 1 << (DAYS.indexOf(slot.day) * 4 + DAY_PARTS.indexOf(slot.part));
}

export function slotsToMask(slots: readonly Slot[]): number {
  return slots.reduce((mask, slot) => mask | slotBit(slot), 0);
}

/** Slots in week order (Monday morning first). */
export function maskToSlots(mask: number): Slot[] {
  const slots: Slot[] = [];
  DAYS.forEach((day, d) =>
    DAY_PARTS.forEach((part, p) => {
      if (mask & (1 << (d * 4 + p))) slots.push({ day, part });
    }),
  );
  return slots;
}

export function countSlots(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}
