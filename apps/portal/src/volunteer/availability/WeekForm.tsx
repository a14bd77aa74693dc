import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { Button } from '../../shared/ui/Button';
import { Notice } from '../../shared/ui/Notice';
import { messageOf } from '../../shared/ui/errors';
import { Slot, Volunteer, useSaveAvailability } from './queries';

export const DAYS: Slot['day'][] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const PARTS: Slot['part'][] = ['morning', 'afternoon', 'evening', 'night'];

const keyOf = (slot: Slot) => `${slot.day}.${slot.part}`;

/**
 * The week as 7 rows (days) of 4 toggle buttons (parts of the day). Changes stay a draft until saved,
 * so a live refresh of the profile does not undo what the volunteer is choosing.
 */
export function WeekForm({ volunteer }: { volunteer: Volunteer }) {
  const { t } = useTranslation();
  const save = useSaveAvailability(volunteer.id);
  const saved = new Set(volunteer.availability.map(keyOf));
  const [draft, setDraft] = useState<Set<string> | null>(null);
  const chosen = draft ?? saved;
  const changed = draft !== null && (draft.size !== saved.size || [...draft].some((key) => !saved.has(key)));

  const setDay = (day: Slot['day'], parts: Set<string>) => {
    const next = new Set([...chosen].filter((key) => !key.startsWith(`${day}.`)));
    for (const part of parts) next.add(`${day}.${part}`);
    save.reset();
    setDraft(next);
  };
  const submit = () => {
    const slots = DAYS.flatMap((day) => PARTS.filter((part) => chosen.has(`${day}.${part}`)).map((part) => ({ day, part })));
    save.mutate(slots, { onSuccess: () => setDraft(null) });
  };

  return (
    <section aria-labelledby="week-title" className="stack">
      <h2 id="week-title">{t('availability.week.title')}</h2>
      <p className="field__hint">
        {t('availability.week.hint')}
      </p>
      <ul className="week">
        {DAYS.map((day) => {
          const dayName = t(`availability.days.${day}`);
          const selected = new Set(PARTS.filter((part) => chosen.has(`${day}.${part}`)));
          return (
            <li key={day} className="week__day">
              <span className="week__name" aria-hidden="true">
                {dayName}
              </span>
              <ToggleButtonGroup
                aria-label={dayName}
                selectionMode="multiple"
                selectedKeys={selected}
                onSelectionChange={(keys) => setDay(day, new Set([...keys].map(String)))}
                className="week__parts"
              >
                {PARTS.map((part) => (
                  <ToggleButton key={part} id={part} className="slot" aria-label={t('availability.week.slot', { day: dayName, part: t(`availability.parts.${part}`) })}>
                    {({ isSelected }) => (
                      <>
                        <span aria-hidden="true" className="slot__mark">
                          {isSelected ? '✓' : ''}
                        </span>
                        {t(`availability.parts.${part}`)}
                      </>
                    )}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
            </li>
          );
        })}
      </ul>
      {save.isError && <Notice tone="error">{messageOf(save.error)}</Notice>}
      {save.isSuccess && !changed && <Notice tone="success">{t('availability.week.saved')}</Notice>}
      {changed && <p role="status">{t('availability.week.unsaved')}</p>}
      <Button onPress={submit} isDisabled={save.isPending}>
        {save.isPending ? t('availability.saving') : t('availability.week.save')}
      </Button>
    </section>
  );
}
