import { maskToSlots } from '@app/core';
import { Phrase, phrase } from '@app/i18n';

/** A word of the domain's vocabulary (a credential, diagnosis, kind, status) in the reader's language. */
export const vocabulary = (list: string, value: string): Phrase => phrase(`vocabulary.${list}.${value}`);

/** The weekly slots of a mask as phrases ("di middag"); more than `max` end in "and N more". */
export function slotPhrases(mask: number, max = Infinity): Phrase[] {
  const slots = maskToSlots(mask).map((s) => phrase('vocabulary.slot', { day: vocabulary('day', s.day), part: vocabulary('dayPart', s.part) }));
  if (slots.length <= max) return slots;
  return [phrase('vocabulary.andMore', { list: slots.slice(0, max), count: slots.length - max })];
}
