import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Checkbox, CheckboxGroup } from 'react-aria-components';
import { formatKm, formatNumber } from '../../shared/format/format';
import { Button } from '../../shared/ui/Button';
import { QueryView } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import { messageOf } from '../../shared/ui/errors';
import { Candidate, Excluded, Explanation, Proposal, ProposeOutcome, ScoreComponent, useCandidates, useExplanation, usePropose, useProposals, useVolunteerSearch } from './queries';

const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;
const points = (value: number) => formatNumber(value, { maximumFractionDigits: 1 });

/** A proposal still waiting or accepted: the volunteer cannot be proposed again for this request. */
const isOpen = (proposal: Proposal) => proposal.status === 'proposed' || proposal.status === 'active';

/** Candidates for one request: ranked with their score's parts, who was excluded and why, and proposing. */
export function CandidatesScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const candidates = useCandidates(id);
  const proposals = useProposals(id);
  return (
    <Page title={t('coordinator.candidates.title')} actions={<Link to={`/requests/${id}`}>{t('coordinator.candidates.backToRequest')}</Link>}>
      <QueryView query={proposals}>{(page) => <Proposals proposals={page.items} />}</QueryView>
      <QueryView query={candidates}>
        {(list) => (
          <>
            <Ranked requestId={id} candidates={list.candidates} proposals={proposals.data?.items ?? []} />
            <ExcludedList excluded={list.excluded ?? []} />
          </>
        )}
      </QueryView>
      <WhyNot requestId={id} />
    </Page>
  );
}

/** The answers to the proposals; the list is a live region, so an answer arriving is announced. */
function Proposals({ proposals }: { proposals: Proposal[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">{t('coordinator.candidates.proposals.title')}</h2>
      <div aria-live="polite">
        {proposals.length === 0 ? (
          <p>{t('coordinator.candidates.proposals.none')}</p>
        ) : (
          <ul className="list">
            {proposals.map((proposal) => (
              <li key={proposal.id} className="proposal">
                <span className="proposal__name">{proposal.volunteer ? fullName(proposal.volunteer) : ''}</span>
                <span className={`proposal__status proposal__status--${proposal.status}`}>
                  <span aria-hidden="true">{STATUS_SIGNS[proposal.status]} </span>
                  {t(`coordinator.candidates.status.${proposal.status}`)}
                </span>
                {proposal.declineReason && <span className="proposal__reason">{t(`coordinator.candidates.declineReasons.${proposal.declineReason}`)}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** A sign beside the status words, so an answer is never told by colour alone. */
const STATUS_SIGNS: Record<Proposal['status'], string> = { proposed: '…', active: '✓', declined: '✕', withdrawn: '–', ended: '■' };

function Ranked({ requestId, candidates, proposals }: { requestId: string; candidates: Candidate[]; proposals: Proposal[] }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<ProposeOutcome[]>([]);
  const propose = usePropose(requestId);
  const openFor = new Set(proposals.filter(isOpen).map((p) => p.volunteerId));
  const nameOf = new Map(candidates.map((c) => [c.volunteerId, fullName(c)]));
  const submit = () =>
    propose.mutate(chosen, {
      onSuccess: (result) => {
        setOutcomes(result);
        setChosen([]);
      },
    });
  const proposed = outcomes.filter((o) => !o.error);
  const refused = outcomes.filter((o) => o.error);
  return (
    <section aria-labelledby="candidates-heading">
      <h2 id="candidates-heading">{t('coordinator.candidates.ranked.title')}</h2>
      {candidates.length === 0 ? (
        <p>{t('coordinator.candidates.ranked.none')}</p>
      ) : (
        <CheckboxGroup value={chosen} onChange={setChosen} aria-labelledby="candidates-heading">
          <ol className="list">
            {candidates.map((candidate, index) => (
              <CandidateItem key={candidate.volunteerId} candidate={candidate} above={candidates[index - 1]} rank={index + 1} alreadyProposed={openFor.has(candidate.volunteerId)} />
            ))}
          </ol>
        </CheckboxGroup>
      )}
      {proposed.length > 0 && (
        <Notice tone="success">
          <p>{t('coordinator.candidates.proposed', { names: proposed.map((o) => nameOf.get(o.volunteerId) ?? '').join(', ') })}</p>
        </Notice>
      )}
      {refused.map((o) => (
        <Notice key={o.volunteerId} tone="error" title={t('coordinator.candidates.refused', { name: nameOf.get(o.volunteerId) ?? '' })}>
          <p>{messageOf(o.error)}</p>
        </Notice>
      ))}
      {candidates.length > 0 && (
        <div className="row candidates__actions">
          <Button onPress={submit} isDisabled={chosen.length === 0 || propose.isPending}>
            {t('coordinator.candidates.propose', { count: chosen.length })}
          </Button>
        </div>
      )}
    </section>
  );
}

function CandidateItem({ candidate, above, rank, alreadyProposed }: { candidate: Candidate; above?: Candidate; rank: number; alreadyProposed: boolean }) {
  const { t } = useTranslation();
  const name = fullName(candidate);
  const headingId = `candidate-${candidate.volunteerId}`;
  // Where this one scores less than the one ranked above it: the parts that put it lower.
  const lower = above
    ? candidate.components
        .map((part) => ({ part, diff: part.points - (above.components.find((c) => c.name === part.name)?.points ?? 0) }))
        .filter(({ diff }) => diff < -0.05)
    : [];
  return (
    <li className="card candidate" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('coordinator.candidates.ranked.rank', { rank, name })}</h3>
      <p>
        {t('coordinator.candidates.score', { score: points(candidate.score) })} · {t('coordinator.candidates.distance', { km: formatKm(candidate.distanceKm) })}
      </p>
      <ScoreParts parts={candidate.components} />
      {above && lower.length > 0 && (
        <p className="candidate__lower">
          {t('coordinator.candidates.lowerThan', {
            name: fullName(above),
            parts: lower.map(({ part, diff }) => `${t(`coordinator.candidates.components.${part.name}`)} (${points(diff)})`).join(', '),
          })}
        </p>
      )}
      {alreadyProposed ? (
        <p>{t('coordinator.candidates.alreadyProposed')}</p>
      ) : (
        <Checkbox value={candidate.volunteerId} className="checkbox">
          <span className="checkbox__box" aria-hidden="true" />
          <span>{t('coordinator.candidates.choose', { name })}</span>
        </Checkbox>
      )}
    </li>
  );
}

/** Each part of a score as a bar with its value in words (role img), and the API's reason beside it. */
function ScoreParts({ parts }: { parts: ScoreComponent[] }) {
  const { t } = useTranslation();
  return (
    <ul className="score-parts">
      {parts.map((part) => {
        const label = t(`coordinator.candidates.components.${part.name}`);
        const share = part.weight > 0 ? Math.max(0, Math.min(100, (part.points / part.weight) * 100)) : 0;
        return (
          <li key={part.name} className="score-part">
            <span className="score-part__name">{label}</span>
            <span className="score-part__bar" role="img" aria-label={t('coordinator.candidates.pointsOf', { part: label, points: points(part.points), weight: points(part.weight) })}>
              <span className="score-part__fill" style={{ width: `${share}%` }} />
            </span>
            <span className="score-part__points" aria-hidden="true">
              {t('coordinator.candidates.pointsShort', { points: points(part.points), weight: points(part.weight) })}
            </span>
            <span className="score-part__reason">{part.reason}</span>
          </li>
        );
      })}
    </ul>
  );
}

function ExcludedList({ excluded }: { excluded: Excluded[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="excluded-heading">
      <h2 id="excluded-heading">{t('coordinator.candidates.excluded.title')}</h2>
      {excluded.length === 0 ? (
        <p>{t('coordinator.candidates.excluded.none')}</p>
      ) : (
        <ul className="list">
          {excluded.map((volunteer) => (
            <li key={volunteer.volunteerId} className="card excluded">
              <h3>{fullName(volunteer)}</h3>
              <p>{t('coordinator.candidates.distance', { km: formatKm(volunteer.distanceKm) })}</p>
              <p>
                <strong>{t(`coordinator.candidates.rules.${volunteer.rule}`)}:</strong> {volunteer.reason}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Why not this volunteer?": find one by name, then every hard rule's outcome (reads only). */
function WhyNot({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const found = useVolunteerSearch(q);
  const explanation = useExplanation(requestId, picked);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setPicked(null);
    setQ(text.trim());
  };
  return (
    <section aria-labelledby="why-not-heading" className="stack">
      <h2 id="why-not-heading">{t('coordinator.candidates.whyNot.title')}</h2>
      <form className="row" onSubmit={search} role="search" aria-labelledby="why-not-heading">
        <TextField label={t('coordinator.candidates.whyNot.name')} value={text} onChange={setText} />
        <Button type="submit">{t('coordinator.candidates.whyNot.search')}</Button>
      </form>
      {q && (
        <QueryView query={found}>
          {(page) =>
            page.items.length === 0 ? (
              <p role="status">{t('coordinator.candidates.whyNot.noneFound')}</p>
            ) : (
              <ul className="list" aria-label={t('coordinator.candidates.whyNot.found')}>
                {page.items.map((volunteer) => (
                  <li key={volunteer.id}>
                    <Button variant="secondary" onPress={() => setPicked(volunteer.id)} aria-pressed={picked === volunteer.id}>
                      {fullName(volunteer)}
                    </Button>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      )}
      {picked && <QueryView query={explanation}>{(data) => <ExplanationView explanation={data} />}</QueryView>}
    </section>
  );
}

function ExplanationView({ explanation }: { explanation: Explanation }) {
  const { t } = useTranslation();
  const name = fullName(explanation);
  return (
    <div className="card" role="region" aria-labelledby="explanation-heading">
      <h3 id="explanation-heading">{name}</h3>
      <p>
        {explanation.eligible
          ? t('coordinator.candidates.whyNot.eligible', { name, score: points(explanation.score ?? 0) })
          : t('coordinator.candidates.whyNot.notEligible', { name, reason: explanation.reason ?? '' })}
      </p>
      <ul className="rules">
        {explanation.rules.map((rule) => (
          <li key={rule.rule} className={rule.passed ? 'rule rule--passed' : 'rule rule--failed'}>
            <span aria-hidden="true">{rule.passed ? '✓' : '✕'} </span>
            <strong>{t(`coordinator.candidates.rules.${rule.rule}`)}</strong> ({t(rule.passed ? 'coordinator.candidates.whyNot.passed' : 'coordinator.candidates.whyNot.failed')}): {rule.reason}
          </li>
        ))}
      </ul>
      {explanation.components && <ScoreParts parts={explanation.components} />}
    </div>
  );
}
