import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime, formatWindow } from '../../shared/format/format';
import { currentLanguage } from '../../shared/i18n/i18n';
import { Button } from '../../shared/ui/Button';
import { QueryView } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { messageOf } from '../../shared/ui/errors';
import { TriageForm } from './TriageForm';
import { FeedbackMessage, InfoExchange, RequestDetail, useFeedback, useInfoExchanges, useProgramme, useRequest, useRetryFeedback } from './queries';

/** "nl" as "Nederlands" (or "Dutch"), in the page's language. */
function languageName(code: string): string {
  return new Intl.DisplayNames([currentLanguage()], { type: 'language' }).of(code) ?? code;
}

/** Triage is offered where the API allows it: a new request, or one that waits for information. */
const TRIAGEABLE: RequestDetail['status'][] = ['submitted', 'needs_info'];
/** Candidates are searched for an accepted request (also while a proposal is out). */
const SEARCHABLE: RequestDetail['status'][] = ['triaged', 'proposed'];

export function RequestScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const request = useRequest(id);
  const [saved, setSaved] = useState(false);
  const name = request.data ? `${request.data.client.firstName} ${request.data.client.lastName}` : '';
  return (
    <Page title={request.data ? t('coordinator.request.titleFor', { name }) : t('coordinator.request.title')}>
      <p>
        <Link to="/requests">{t('coordinator.request.toList')}</Link>
      </p>
      <QueryView query={request}>
        {(r) => (
          <div className="stack">
            <div aria-live="polite">{saved && <Notice tone="success">{t('coordinator.request.triaged')}</Notice>}</div>
            <Summary request={r} />
            {TRIAGEABLE.includes(r.status) && <TriageForm requestId={r.id} onSaved={() => setSaved(true)} />}
            {SEARCHABLE.includes(r.status) && (
              <p>
                <Link className="button button--primary" to={`/requests/${r.id}/candidates`}>
                  {t('coordinator.request.candidates')}
                </Link>
              </p>
            )}
            <ClientFacts request={r} />
            <Needs request={r} />
            <History request={r} />
            <Feedback requestId={r.id} />
          </div>
        )}
      </QueryView>
    </Page>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} className="facts__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Summary({ request: r }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const programme = useProgramme(r.programmeId);
  const rows: [string, ReactNode][] = [
    [t('coordinator.requests.status'), t(`coordinator.vocab.statuses.${r.status}`)],
    [t('coordinator.request.programme'), programme.data?.name ?? '…'],
    [t('coordinator.request.kind'), t(`coordinator.vocab.kinds.${r.kind}`)],
    [t('coordinator.request.urgency'), t(`coordinator.vocab.urgencies.${r.urgency}`)],
    [t('coordinator.requests.submitted'), formatDateTime(r.submittedAt)],
  ];
  if (r.statusReason) rows.push([t('coordinator.request.statusReason'), r.statusReason]);
  return (
    <section aria-labelledby="summary-title" className="card">
      <h2 id="summary-title">{t('coordinator.request.summary')}</h2>
      <Facts rows={rows} />
    </section>
  );
}

function ClientFacts({ request: r }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const c = r.client;
  const none = t('coordinator.request.none');
  const address = [c.street, c.address.houseNumber, c.address.postcode, c.address.city].filter(Boolean).join(' ') || none;
  const contact = r.referrerContact;
  const gp = c.gp ? [c.gp.name, c.gp.practice, c.gp.phone, c.gp.email].filter(Boolean).join(', ') : none;
  const prefs = r.preferences;
  const rows: [string, ReactNode][] = [
    [t('coordinator.request.name'), `${c.firstName} ${c.lastName}`],
    [t('coordinator.request.birthDate'), formatDate(`${c.birthDate}T12:00:00Z`)],
    [t('coordinator.request.gender'), t(`coordinator.vocab.genders.${c.gender}`)],
    [t('coordinator.request.address'), address],
    [t('coordinator.request.phone'), c.phone ?? none],
    [t('coordinator.request.languages'), c.languages.map(languageName).join(', ') || none],
    [t('coordinator.request.diagnosis'), t(`coordinator.vocab.diagnoses.${c.diagnosisGroup}`)],
    [t('coordinator.request.diagnosisDetails'), c.diagnosisDetails ?? none],
    [t('coordinator.request.living'), c.livingSituation ? t(`coordinator.vocab.living.${c.livingSituation}`) : none],
    [
      t('coordinator.request.relatives'),
      c.relatives.length ? (
        <ul className="plain-list">
          {c.relatives.map((p, i) => (
            <li key={i}>{[t('coordinator.request.relative', { name: p.name, relation: p.relation }), p.phone, p.email].filter(Boolean).join(', ')}</li>
          ))}
        </ul>
      ) : (
        none
      ),
    ],
    [t('coordinator.request.gp'), gp],
    [t('coordinator.request.consent'), t('coordinator.request.consentValue', { who: t(`coordinator.vocab.consentGivers.${c.consentGivenBy}`), date: formatDate(c.consentGivenAt) })],
    [t('coordinator.request.referrer'), [contact.name, contact.role, contact.phone, contact.email].filter(Boolean).join(', ')],
    [t('coordinator.request.referrerNotes'), r.referrerNotes ?? none],
    [t('coordinator.request.coordinatorNotes'), r.coordinatorNotes ?? none],
    [t('coordinator.request.prefGender'), prefs.volunteerGender ? t(`coordinator.vocab.genders.${prefs.volunteerGender}`) : none],
    [t('coordinator.request.prefLanguage'), prefs.language ? languageName(prefs.language) : none],
    [
      t('coordinator.request.prefAge'),
      prefs.volunteerAgeMin || prefs.volunteerAgeMax ? t('coordinator.request.ageRange', { min: prefs.volunteerAgeMin ?? '…', max: prefs.volunteerAgeMax ?? '…' }) : none,
    ],
  ];
  return (
    <section aria-labelledby="client-title" className="card">
      <h2 id="client-title">{t('coordinator.request.client')}</h2>
      <Facts rows={rows} />
    </section>
  );
}

function Needs({ request: r }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const none = t('coordinator.request.none');
  const needs = (['physical', 'psychological', 'social', 'spiritual'] as const).filter((k) => r.needs[k]);
  const location = [r.location.houseNumber, r.location.postcode, r.location.city].filter(Boolean).join(' ') || none;
  const times: [string, ReactNode][] = r.vigilWindow
    ? [[t('coordinator.request.vigilWindow'), formatWindow(r.vigilWindow.start, r.vigilWindow.end)]]
    : [
        [
          t('coordinator.request.desiredSlots'),
          r.desiredSlots.map((s) => t('clientView.slot', { day: t(`clientView.days.${s.day}`), part: t(`clientView.parts.${s.part}`) })).join(', ') || none,
        ],
        [t('coordinator.request.frequency'), r.frequency ? t(`clientView.frequencies.${r.frequency}`) : none],
        [t('coordinator.request.startDate'), r.startDate ? formatDate(`${r.startDate}T12:00:00Z`) : none],
      ];
  return (
    <section aria-labelledby="needs-title" className="card">
      <h2 id="needs-title">{t('coordinator.request.needs')}</h2>
      {needs.length ? <Facts rows={needs.map((k) => [t(`clientView.needTypes.${k}`), r.needs[k]])} /> : <p>{t('coordinator.request.noNeeds')}</p>}
      <h3>{t('coordinator.request.times')}</h3>
      <Facts rows={[...times, [t('coordinator.request.location'), location]]} />
    </section>
  );
}

/** The status history as the API keeps it: the request's own moments and each round of questions. */
function History({ request: r }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const info = useInfoExchanges(r.id);
  const h = (key: string, values?: Record<string, string>) => t(`coordinator.vocab.history.${key}`, values);
  const ended = r.status === 'rejected' || r.status === 'cancelled' ? r.status : null;
  const events: { at: string; what: string }[] = [
    { at: r.submittedAt, what: h('submitted') },
    ...(info.data?.items ?? []).flatMap((e: InfoExchange) => [
      { at: e.askedAt, what: h('asked', { question: e.question }) },
      ...(e.answeredAt ? [{ at: e.answeredAt, what: e.answer ? h('answered', { answer: e.answer }) : h('answeredByChange') }] : []),
    ]),
    ...(r.triagedAt ? [{ at: r.triagedAt, what: h('triaged') }] : []),
    ...(r.proposedAt ? [{ at: r.proposedAt, what: h('proposed') }] : []),
    ...(r.matchedAt ? [{ at: r.matchedAt, what: h('matched') }] : []),
    ...(r.closedAt ? [{ at: r.closedAt, what: h('closed') }] : []),
    ...(ended && r.endedAt ? [{ at: r.endedAt, what: h(ended) }] : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby="history-title" className="card">
      <h2 id="history-title">{t('coordinator.request.history')}</h2>
      <ol className="plain-list">
        {events.map((e, i) => (
          <li key={i}>{t('coordinator.request.historyItem', { when: formatDateTime(e.at, { dateStyle: 'medium', timeStyle: 'short' }), what: e.what })}</li>
        ))}
      </ol>
    </section>
  );
}

function Feedback({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback(requestId);
  const retry = useRetryFeedback(requestId);
  return (
    <section aria-labelledby="feedback-title" className="card">
      <h2 id="feedback-title">{t('coordinator.request.feedback')}</h2>
      <div aria-live="polite">
        {retry.isSuccess && <Notice tone="success">{t('coordinator.request.retried')}</Notice>}
        {retry.isError && <Notice tone="error">{messageOf(retry.error)}</Notice>}
      </div>
      <QueryView query={feedback}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('coordinator.request.noFeedback')}</p>
          ) : (
            <ul className="plain-list feedback-list">
              {items.map((m: FeedbackMessage) => (
                <li key={m.id}>
                  <h3>
                    {t(`coordinator.vocab.feedbackEvents.${m.event}`)}: {m.subject}
                  </h3>
                  <p className="hint">
                    {formatDateTime(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' })} · {m.recipient} ·{' '}
                    {t('coordinator.request.feedbackStatus', { status: t(`coordinator.vocab.feedbackStatuses.${m.status}`) })} ·{' '}
                    {t('coordinator.request.attempts', { count: m.attempts })}
                  </p>
                  <p className="feedback-text">{m.text}</p>
                  {m.lastError && <p>{t('coordinator.request.lastError', { error: m.lastError })}</p>}
                  {m.status === 'failed' && (
                    <Button variant="secondary" aria-label={t('coordinator.request.retryNamed', { subject: m.subject })} isDisabled={retry.isPending} onPress={() => retry.mutate(m.id)}>
                      {t('coordinator.request.retry')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
