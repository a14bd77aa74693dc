import { CalendarDate, Time } from '@internationalized/date';
import { FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { formatDateTime } from '../../shared/format/format';
import { amsterdamDateTime, amsterdamToday } from '../../shared/format/amsterdam-time';
import { Button } from '../../shared/ui/Button';
import { DateField } from '../../shared/ui/DateField';
import { Notice } from '../../shared/ui/Notice';
import { TextField } from '../../shared/ui/TextField';
import { TimeField } from '../../shared/ui/TimeField';
import { messageOf } from '../../shared/ui/errors';
import { FollowUp, Outcome, OUTCOMES, useCompleteFollowUp, useSnoozeFollowUp } from './queries';

const SNOOZE_DAYS = 7;

/** One due check: which match, what and when (overdue said in words and a sign), done with an outcome or moved later. */
export function FollowUpCard({ followUp, names, onNews }: { followUp: FollowUp; names?: { volunteer: string; client: string }; onNews: (text: string) => void }) {
  const { t } = useTranslation();
  const complete = useCompleteFollowUp();
  const snooze = useSnoozeFollowUp();
  const [open, setOpen] = useState<'complete' | 'snooze' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [notes, setNotes] = useState('');
  const [date, setDate] = useState<CalendarDate | null>(null);
  const [time, setTime] = useState<Time | null>(null);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const busy = complete.isPending || snooze.isPending;
  const who = names ? t('coordinator.followUps.match', names) : t('coordinator.followUps.aMatch');
  const kind = t(`coordinator.followUps.kind.${followUp.kind}`);

  const start = (what: 'complete' | 'snooze') => {
    setError(null);
    setTried(false);
    setOutcome('');
    setNotes('');
    setDate(what === 'snooze' ? amsterdamToday().add({ days: SNOOZE_DAYS }) : null);
    setTime(what === 'snooze' ? new Time(9, 0) : null);
    setOpen(what);
  };
  const close = () => {
    setOpen(null);
    title.current?.focus(); // the form is gone; stay on this check
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setError(null);
    try {
      if (open === 'complete') {
        if (!outcome) return;
        await complete.mutateAsync({ id: followUp.id, outcome, notes });
        onNews(t('coordinator.followUps.news.done', { kind, match: who }));
      } else if (open === 'snooze') {
        if (!date || !time) return;
        const changed = await snooze.mutateAsync({ id: followUp.id, until: amsterdamDateTime(date, time) });
        onNews(t('coordinator.followUps.news.snoozed', { kind, match: who, when: formatDateTime(changed.dueAt) }));
      }
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <li className={`card follow-up${followUp.overdue ? ' follow-up--overdue' : ''}`}>
      <h3 ref={title} tabIndex={-1}>
        {kind}: {who}
      </h3>
      <p className={followUp.overdue ? 'follow-up__due follow-up__due--overdue' : 'follow-up__due'}>
        {followUp.overdue && (
          <span aria-hidden="true" className="follow-up__sign">
            !{' '}
          </span>
        )}
        {t(followUp.overdue ? 'coordinator.followUps.overdueSince' : 'coordinator.followUps.dueAt', { when: formatDateTime(followUp.dueAt) })}
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {open === 'complete' && (
        <Form onSubmit={(event) => void submit(event)} className="stack" validationBehavior="aria">
          <RadioGroup value={outcome} onChange={(value) => setOutcome(value as Outcome)} isRequired isInvalid={tried && !outcome} className="field choice">
            <Label className="field__label">{t('coordinator.followUps.completeForm.outcome')}</Label>
            {OUTCOMES.map((value) => (
              <Radio key={value} value={value} className="choice__option">
                {t(`coordinator.followUps.outcome.${value}`)}
              </Radio>
            ))}
            {tried && !outcome && <p className="field__error">{t('coordinator.followUps.completeForm.chooseOutcome')}</p>}
          </RadioGroup>
          <TextField multiline label={t('coordinator.followUps.completeForm.notes')} value={notes} onChange={setNotes} maxLength={2000} />
          <div className="row">
            <Button type="submit" isDisabled={busy}>
              {busy ? t('coordinator.followUps.busy') : t('coordinator.followUps.completeForm.submit')}
            </Button>
            <Button variant="quiet" onPress={close}>
              {t('common.cancel')}
            </Button>
          </div>
        </Form>
      )}
      {open === 'snooze' && (
        <Form onSubmit={(event) => void submit(event)} className="stack" validationBehavior="aria">
          <div className="row row--fields">
            <DateField
              label={t('coordinator.followUps.snoozeForm.date')}
              value={date}
              onChange={setDate}
              minValue={amsterdamToday()}
              isRequired
              isInvalid={tried && !date}
              errorMessage={t('coordinator.followUps.snoozeForm.missingDate')}
            />
            <TimeField
              label={t('coordinator.followUps.snoozeForm.time')}
              value={time}
              onChange={setTime}
              isRequired
              isInvalid={tried && !time}
              errorMessage={t('coordinator.followUps.snoozeForm.missingTime')}
            />
          </div>
          <div className="row">
            <Button type="submit" isDisabled={busy}>
              {busy ? t('coordinator.followUps.busy') : t('coordinator.followUps.snoozeForm.submit')}
            </Button>
            <Button variant="quiet" onPress={close}>
              {t('common.cancel')}
            </Button>
          </div>
        </Form>
      )}
      {!open && (
        <div className="row">
          <Button onPress={() => start('complete')}>{t('coordinator.followUps.actions.complete')}</Button>
          <Button variant="secondary" onPress={() => start('snooze')}>
            {t('coordinator.followUps.actions.snooze')}
          </Button>
        </div>
      )}
    </li>
  );
}
