import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ForRoles } from '../../shared/routing/SignedIn';
import { useMe } from '../../shared/session/session-context';
import { QueryView } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { FollowUpCard } from './FollowUpCard';
import { AHEAD_DAYS, FollowUp, useMatchNames, useMyFollowUps } from './queries';

function FollowUpList({ items, onNews }: { items: FollowUp[]; onNews: (text: string) => void }) {
  const { t } = useTranslation();
  const names = useMatchNames(items.map((f) => f.matchId));
  // The API sorts by due moment, so the overdue ones come first already; they get their own heading too.
  const overdue = items.filter((f) => f.overdue);
  const soon = items.filter((f) => !f.overdue);
  if (items.length === 0) return <Notice tone="info">{t('coordinator.followUps.none')}</Notice>;
  const list = (shown: FollowUp[]) => (
    <ul className="list">
      {shown.map((f) => (
        <FollowUpCard key={f.id} followUp={f} names={names.get(f.matchId)} onNews={onNews} />
      ))}
    </ul>
  );
  return (
    <>
      {overdue.length > 0 && (
        <section aria-labelledby="follow-ups-overdue" className="stack">
          <h2 id="follow-ups-overdue">{t('coordinator.followUps.overdue', { count: overdue.length })}</h2>
          {list(overdue)}
        </section>
      )}
      {soon.length > 0 && (
        <section aria-labelledby="follow-ups-soon" className="stack">
          <h2 id="follow-ups-soon">{t('coordinator.followUps.soon', { count: soon.length })}</h2>
          {list(soon)}
        </section>
      )}
    </>
  );
}

function FollowUpsOf({ coordinatorId }: { coordinatorId: string }) {
  const { t } = useTranslation();
  const followUps = useMyFollowUps(coordinatorId);
  const [news, setNews] = useState<string | null>(null);
  const newsRef = useRef<HTMLDivElement>(null);
  const onNews = (text: string) => {
    setNews(text);
    // The card that had the focus goes away; the news is where the coordinator goes on from.
    requestAnimationFrame(() => newsRef.current?.focus());
  };
  return (
    <>
      <p>{t('coordinator.followUps.intro', { days: AHEAD_DAYS })}</p>
      <div ref={newsRef} tabIndex={-1}>
        {news && <Notice tone="success">{news}</Notice>}
      </div>
      <QueryView query={followUps}>{(page) => <FollowUpList items={page.items} onNews={onNews} />}</QueryView>
    </>
  );
}

/** The coordinator's own checks of running matches that are due (or overdue): done with an outcome, or moved later. */
export function FollowUpsScreen() {
  const { t } = useTranslation();
  const me = useMe();
  // Inside ForRoles, so other roles do not even ask the API (it would refuse them).
  return (
    <Page title={t('coordinator.followUps.title')}>
      <ForRoles roles={['coordinator']} role={me.user.role}>
        <FollowUpsOf coordinatorId={me.user.id} />
      </ForRoles>
    </Page>
  );
}
