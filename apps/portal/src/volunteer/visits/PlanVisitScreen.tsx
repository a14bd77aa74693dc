import type { CalendarDate, Time } from '@internationalized/date';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../shared/api/client';
import { amsterdamToday, amsterdamWindow } from '../../shared/format/amsterdam-time';
import { ForRoles } from '../../shared/routing/SignedIn';
import { useMe } from '../../shared/session/session-context';
import { Button } from '../../shared/ui/Button';
import { DateField } from '../../shared/ui/DateField';
import { QueryView } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import { TimeField } from '../../shared/ui/TimeField';
import { messageOf } from '../../shared/ui/errors';
import { Match, useMyMatches, usePlanVisit } from './queries';
import type { VisitsState } from './VisitsScreen';

/** Codes the volunteer gets our own words for (the API's speak of "the volunteer", or of API routes). */
const OWN_WORDS = ['visit_overlap', 'visit_in_past'];

function PlanForm({ matches }: { matches: Match[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const plan = usePlanVisit();
  const [matchId, setMatchId] = useState(matches.length === 1 ? matches[0].id : '');
  const [date, setDate] = useState<CalendarDate | null>(null);
  const [start, setStart] = useState<Time | null>(null);
  const [end, setEnd] = useState<Time | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const times = date && start && end ? amsterdamWindow(date, start, end) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setError(null);
    if (!matchId || !times) return;
    try {
      const visit = await plan.mutateAsync({ matchId, startsAt: times.startsAt, endsAt: times.endsAt, note: note.trim() || undefined });
      void navigate('/visits', { state: { planned: visit.startsAt } satisfies VisitsState });
    } catch (failure) {
      setError(failure instanceof ApiError && OWN_WORDS.includes(failure.code) ? t(`visits.errors.${failure.code}`) : messageOf(failure));
    }
  };

  return (
    <Form onSubmit={(event) => void submit(event)} className="stack" validationBehavior="aria">
      <RadioGroup value={matchId} onChange={setMatchId} isRequired isInvalid={tried && !matchId} className="field choice">
        <Label className="field__label">{t('visits.planForm.client')}</Label>
        {matches.map((match) => (
          <Radio key={match.id} value={match.id} className="choice__option">
            {match.client.firstName}
            {'neighbourhood' in match.client && match.client.neighbourhood.city ? ` (${match.client.neighbourhood.city})` : ''}
          </Radio>
        ))}
        {tried && !matchId && <p className="field__error">{t('visits.planForm.chooseClient')}</p>}
      </RadioGroup>
      <DateField
        label={t('visits.planForm.date')}
        value={date}
        onChange={setDate}
        minValue={amsterdamToday()}
        isRequired
        isInvalid={tried && !date}
        errorMessage={t('visits.planForm.missingDate')}
      />
      <div className="row row--fields">
        <TimeField label={t('visits.planForm.start')} value={start} onChange={setStart} isRequired isInvalid={tried && !start} errorMessage={t('visits.planForm.missingTime')} />
        <TimeField label={t('visits.planForm.end')} value={end} onChange={setEnd} isRequired isInvalid={tried && !end} errorMessage={t('visits.planForm.missingTime')} />
      </div>
      <p aria-live="polite" className="field__hint live-hint">
        {times?.endsNextDay ? t('visits.planForm.endsNextDay') : ''}
      </p>
      <TextField multiline label={t('visits.planForm.note')} value={note} onChange={setNote} maxLength={1000} />
      <p className="field__hint">{t('visits.planForm.confirmedAtOnce')}</p>
      {error && (
        <Notice tone="error" title={t('visits.planForm.failed')}>
          <p>{error}</p>
        </Notice>
      )}
      <Button type="submit" big isDisabled={plan.isPending}>
        {plan.isPending ? t('visits.planForm.busy') : t('visits.planForm.submit')}
      </Button>
    </Form>
  );
}

/** Plan a visit with the client of one of the volunteer's active matches, in Amsterdam time. */
export function PlanVisitScreen() {
  const { t } = useTranslation();
  const me = useMe();
  const matches = useMyMatches();
  return (
    <ForRoles roles={['volunteer']} role={me.user.role}>
      <Page title={t('visits.planForm.title')}>
        <QueryView query={matches}>
          {(all) => {
            const active = all.filter((match) => match.status === 'active');
            return active.length === 0 ? <Notice tone="info">{t('visits.planForm.noClients')}</Notice> : <PlanForm matches={active} />;
          }}
        </QueryView>
        <p>
          <Link to="/visits">{t('visits.planForm.toList')}</Link>
        </p>
      </Page>
    </ForRoles>
  );
}
