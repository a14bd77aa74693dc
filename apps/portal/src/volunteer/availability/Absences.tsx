import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, DateRangePicker, DateSegment, DateValue, FieldError, Form, Group, Label, RangeValue } from 'react-aria-components';
import { Button } from '../../shared/ui/Button';
import { CalendarButton, CalendarPopover } from '../../shared/ui/CalendarPopover';
import { Notice } from '../../shared/ui/Notice';
import { TextField } from '../../shared/ui/TextField';
import { messageOf } from '../../shared/ui/errors';
import { absence, absenceDays, byStart } from './periods';
import { Period, Volunteer, useUpdateVolunteer } from './queries';

/** Holidays and other absences: whole days, added and removed one by one (the API stores the list). */
export function Absences({ volunteer }: { volunteer: Volunteer }) {
  const { t } = useTranslation();
  const update = useUpdateVolunteer(volunteer.id);
  const [news, setNews] = useState<string | null>(null);
  const periods = [...volunteer.unavailablePeriods].sort(byStart);

  const replace = (next: Period[], done: string, after?: () => void) => {
    setNews(null);
    update.mutate(
      { unavailablePeriods: next },
      {
        onSuccess: () => {
          setNews(done);
          after?.();
        },
      },
    );
  };
  const remove = (period: Period) => {
    const { first, last } = absenceDays(period);
    replace(
      periods.filter((p) => p !== period),
      t('availability.absences.removed', { first, last }),
    );
  };

  return (
    <section aria-labelledby="absences-title" className="stack">
      <h2 id="absences-title">{t('availability.absences.title')}</h2>
      {periods.length === 0 ? (
        <p>{t('availability.absences.none')}</p>
      ) : (
        <ul className="list">
          {periods.map((period) => {
            const { first, last } = absenceDays(period);
            const days = first === last ? first : t('availability.absences.range', { first, last });
            return (
              <li key={`${period.startsAt}/${period.endsAt}`} className="card absence">
                <span>
                  <strong>{days}</strong>
                  {period.reason ? <span className="absence__reason">{period.reason}</span> : null}
                </span>
                <Button variant="danger" isDisabled={update.isPending} aria-label={t('availability.absences.removeNamed', { days })} onPress={() => remove(period)}>
                  {t('availability.absences.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {update.isError && <Notice tone="error">{messageOf(update.error)}</Notice>}
      {news && <Notice tone="success">{news}</Notice>}
      <AddAbsence busy={update.isPending} onAdd={(period, done, clear) => replace([...periods, period], done, clear)} />
    </section>
  );
}

function AddAbsence({ busy, onAdd }: { busy: boolean; onAdd: (period: Period, done: string, clear: () => void) => void }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<RangeValue<DateValue> | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!range) {
      setMissing(true);
      return;
    }
    const period = absence(range.start.toString(), range.end.toString(), reason);
    const { first, last } = absenceDays(period);
    onAdd(period, t('availability.absences.added', { first, last }), () => {
      setRange(null);
      setReason('');
    });
  };

  return (
    <Form onSubmit={submit} className="stack card">
      <h3>{t('availability.absences.add')}</h3>
      <DateRangePicker
        className="field"
        value={range}
        onChange={(value) => {
          setRange(value);
          setMissing(false);
        }}
        isRequired
        isInvalid={missing}
        // Our own check on submit, said in our words next to the field (not the browser's bubble).
        validationBehavior="aria"
      >
        <Label className="field__label">{t('availability.absences.period')}</Label>
        <Group className="date-range">
          <DateInput slot="start" className="date-range__input">
            {(segment) => <DateSegment segment={segment} className="date-range__segment" />}
          </DateInput>
          <span aria-hidden="true">–</span>
          <DateInput slot="end" className="date-range__input">
            {(segment) => <DateSegment segment={segment} className="date-range__segment" />}
          </DateInput>
          <CalendarButton className="date-range__open" label={t('availability.absences.openCalendar')} />
        </Group>
        <FieldError className="field__error">{t('availability.absences.periodMissing')}</FieldError>
        <CalendarPopover range />
      </DateRangePicker>
      <TextField label={t('availability.absences.reason')} description={t('availability.absences.reasonHint')} value={reason} onChange={setReason} maxLength={200} />
      <Button type="submit" variant="secondary" isDisabled={busy}>
        {t('availability.absences.add')}
      </Button>
    </Form>
  );
}
