import { FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { formatTime, formatWindow } from '../../shared/format/format';
import { amsterdamDay } from '../../shared/format/amsterdam-time';
import { Button } from '../../shared/ui/Button';
import { Notice } from '../../shared/ui/Notice';
import { TextField } from '../../shared/ui/TextField';
import { messageOf } from '../../shared/ui/errors';
import { useVisitAction, Visit, VisitAction, VisitStatus } from './queries';

/** The status in words with a sign, never by its colour alone. */
export function VisitStatusLabel({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  const sign: Record<VisitStatus, string> = { planned: '?', confirmed: '✓', done: '✓', declined: '✕', cancelled: '✕', missed: '!' };
  return (
    <p className={`visit-status visit-status--${status}`}>
      <span aria-hidden="true" className="visit-status__sign">
        {sign[status]}
      </span>
      <span className="visually-hidden">{t('visits.statusLabel')}: </span>
      {t(`visits.status.${status}`)}
    </p>
  );
}

type FormAction = Exclude<VisitAction, 'confirm'>;

/** What the volunteer can do with a visit now; the API decides in the end (and says why not). */
function actionsFor(visit: Visit, now: number): VisitAction[] {
  const open = visit.status === 'planned' || visit.status === 'confirmed';
  if (!open) return [];
  const actions: VisitAction[] = visit.status === 'planned' ? ['confirm', 'decline'] : [];
  if (Date.parse(visit.startsAt) <= now) actions.push('complete');
  actions.push('cancel');
  return actions;
}

/** One visit: when, with whom, its status and what can be done with it (a note or reason in a small form). */
export function VisitCard({ visit, clientName, now, onNews }: { visit: Visit; clientName: string; now: number; onNews: (text: string) => void }) {
  const { t } = useTranslation();
  const action = useVisitAction();
  const [open, setOpen] = useState<FormAction | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const sameDay = amsterdamDay(visit.startsAt) === amsterdamDay(visit.endsAt);
  const when = sameDay ? `${formatTime(visit.startsAt)} – ${formatTime(visit.endsAt)}` : formatWindow(visit.startsAt, visit.endsAt);

  const run = async (what: VisitAction) => {
    setError(null);
    try {
      const changed = await action.mutateAsync({ id: visit.id, action: what, text });
      setOpen(null);
      setText('');
      onNews(t(`visits.news.${changed.status}`));
      title.current?.focus(); // the pressed button is gone; stay on this visit
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const start = (what: FormAction) => {
    setError(null);
    setText('');
    setOpen(what);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (open) void run(open);
  };

  return (
    <li className={`card visit visit--${visit.status}`}>
      <h4 className="visit__title" ref={title} tabIndex={-1}>
        <time dateTime={visit.startsAt}>{when}</time> · {t('visits.with', { name: clientName })}
      </h4>
      <VisitStatusLabel status={visit.status} />
      {visit.note && (
        <p>
          <span className="visit__label">{t('visits.note')}:</span> {visit.note}
        </p>
      )}
      {visit.reason && (
        <p>
          <span className="visit__label">{t('visits.reason')}:</span> {visit.reason}
        </p>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      {open ? (
        <Form onSubmit={submit} className="stack">
          <TextField
            multiline
            label={t(`visits.${open}Form.text`)}
            description={open === 'complete' ? t('visits.completeForm.hint') : undefined}
            value={text}
            onChange={setText}
            maxLength={1000}
            autoFocus
          />
          <div className="row">
            <Button type="submit" variant={open === 'complete' ? 'primary' : 'danger'} isDisabled={action.isPending}>
              {action.isPending ? t('visits.busy') : t(`visits.${open}Form.submit`)}
            </Button>
            <Button variant="quiet" onPress={() => setOpen(null)}>
              {t('visits.keep')}
            </Button>
          </div>
        </Form>
      ) : (
        <div className="row">
          {actionsFor(visit, now).map((what) => (
            <Button
              key={what}
              variant={what === 'confirm' || what === 'complete' ? 'primary' : 'secondary'}
              isDisabled={action.isPending}
              onPress={() => (what === 'confirm' ? void run(what) : start(what))}
            >
              {t(`visits.actions.${what}`)}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}
