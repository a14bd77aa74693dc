import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Form, Group, Input, Label, NumberField, Text } from 'react-aria-components';
import { Button } from '../../shared/ui/Button';
import { Notice } from '../../shared/ui/Notice';
import { messageOf } from '../../shared/ui/errors';
import { Volunteer, useUpdateVolunteer } from './queries';

/** The API's bounds for the travel distance (the API checks them too). */
const MAX_TRAVEL_KM = 300;

/**
 * How far the volunteer travels (theirs to change) and how many clients at once (the coordinator's to
 * set: the API refuses it from a volunteer, so it is shown, not edited).
 */
export function Limits({ volunteer }: { volunteer: Volunteer }) {
  const { t } = useTranslation();
  const update = useUpdateVolunteer(volunteer.id);
  const [km, setKm] = useState<number | null>(null);
  const value = km ?? volunteer.maxTravelKm;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Number.isNaN(value)) return;
    update.mutate({ maxTravelKm: value }, { onSuccess: () => setKm(null) });
  };

  return (
    <section aria-labelledby="limits-title" className="stack">
      <h2 id="limits-title">{t('availability.limits.title')}</h2>
      <Form onSubmit={submit} className="stack">
        <NumberField
          className="field"
          value={value}
          onChange={(next) => {
            update.reset();
            setKm(next);
          }}
          minValue={0}
          maxValue={MAX_TRAVEL_KM}
          step={1}
          isRequired
          formatOptions={{ maximumFractionDigits: 0 }}
        >
          <Label className="field__label">{t('availability.limits.travel')}</Label>
          <Group className="number">
            <Input className="field__input number__input" />
            <span className="number__unit" aria-hidden="true">
              {t('availability.limits.km')}
            </span>
          </Group>
          <Text slot="description" className="field__hint">
            {t('availability.limits.travelHint', { max: MAX_TRAVEL_KM })}
          </Text>
          <FieldError className="field__error" />
        </NumberField>
        {update.isError && <Notice tone="error">{messageOf(update.error)}</Notice>}
        {update.isSuccess && km === null && <Notice tone="success">{t('availability.limits.saved')}</Notice>}
        <Button type="submit" variant="secondary" isDisabled={update.isPending}>
          {t('availability.limits.save')}
        </Button>
      </Form>
      <p>{t('availability.limits.clients', { count: volunteer.maxConcurrentClients })}</p>
    </section>
  );
}
