import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ForRoles } from '../../shared/routing/SignedIn';
import { useMe } from '../../shared/session/session-context';
import { formatDate, formatDateTime } from '../../shared/format/format';
import { amsterdamDay, amsterdamToday } from '../../shared/format/amsterdam-time';
import { Button } from '../../shared/ui/Button';
import { QueryView } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { useClientNames, useUpcomingVisits, useVisitsToComplete, Visit } from './queries';
import { VisitCard } from './VisitCard';
import { useNow } from './use-now';

export interface VisitsState {
  /** Start of the visit just planned, for the news at the top. */
  planned?: string;
}

/** Visits in groups of one Amsterdam day each, in the order they come. */
function byDay(visits: Visit[]): { day: string; visits: Visit[] }[] {
  const days: { day: string; visits: Visit[] }[] = [];
  for (const visit of visits) {
    const day = amsterdamDay(visit.startsAt);
    const last = days[days.length - 1];
    if (last?.day === day) last.visits.push(visit);
    else days.push({ day, visits: [visit] });
  }
  return days;
}

function DayHeading({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const today = amsterdamToday();
  const day = amsterdamDay(visit.startsAt);
  const relative = day === today.toString() ? t('visits.today') : day === today.add({ days: 1 }).toString() ? t('visits.tomorrow') : null;
  const date = formatDate(visit.startsAt);
  // "zaterdag 5 december" starts a heading: its first letter up, the month's stays down.
  return <h3 className="visits-day">{relative ? `${relative}, ${date}` : date.charAt(0).toUpperCase() + date.slice(1)}</h3>;
}

function VisitDays({ visits, names, onNews }: { visits: Visit[]; names: Map<string, string>; onNews: (text: string) => void }) {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <>
      {byDay(visits).map(({ day, visits: ofDay }) => (
        <section key={day} className="visits-group">
          <DayHeading visit={ofDay[0]} />
          <ul className="list">
            {ofDay.map((visit) => (
              <VisitCard key={visit.id} visit={visit} clientName={names.get(visit.matchId) ?? t('visits.someClient')} now={now} onNews={onNews} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** "My visits": the ones still to complete, then the coming ones by day; planning a new one is a screen of its own. */
export function VisitsScreen() {
  const { t } = useTranslation();
  const me = useMe();
  const state = (useLocation().state ?? {}) as VisitsState;
  const upcoming = useUpcomingVisits();
  const toComplete = useVisitsToComplete();
  const names = useClientNames();
  const [news, setNews] = useState<string | null>(state.planned ? t('visits.news.planned', { when: formatDateTime(state.planned) }) : null);
  const navigate = useNavigate();
  const newsBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A visit that left the list (completed or cancelled while "to complete") took the focus with it.
    if (news && document.activeElement === document.body) newsBox.current?.focus();
  }, [news]);
  useEffect(() => {
    // Told once: a reload or a step back in history does not bring the news again.
    if (state.planned) void navigate('.', { replace: true, state: null });
  }, [state.planned, navigate]);

  return (
    <ForRoles roles={['volunteer']} role={me.user.role}>
      <Page
        title={t('visits.title')}
        actions={
          <Link className="button button--primary" to="/visits/new">
            {t('visits.plan')}
          </Link>
        }
      >
        <div ref={newsBox} tabIndex={-1} className="visits-news">
          {news && <Notice tone="success">{news}</Notice>}
        </div>
        {toComplete.data && toComplete.data.length > 0 && (
          <section aria-labelledby="visits-to-complete" className="visits-section">
            <h2 id="visits-to-complete">{t('visits.toComplete')}</h2>
            <p>{t('visits.toCompleteHint')}</p>
            <VisitDays visits={toComplete.data} names={names} onNews={setNews} />
          </section>
        )}
        <section aria-labelledby="visits-upcoming" className="visits-section">
          <h2 id="visits-upcoming">{t('visits.upcoming')}</h2>
          <QueryView query={upcoming}>
            {(data) => {
              const visits = data.pages.flatMap((page) => page.items);
              if (visits.length === 0) return <p>{t('visits.none')}</p>;
              return (
                <>
                  <VisitDays visits={visits} names={names} onNews={setNews} />
                  {upcoming.hasNextPage && (
                    <Button variant="secondary" isDisabled={upcoming.isFetchingNextPage} onPress={() => void upcoming.fetchNextPage()}>
                      {upcoming.isFetchingNextPage ? t('app.loading') : t('visits.more')}
                    </Button>
                  )}
                </>
              );
            }}
          </QueryView>
        </section>
      </Page>
    </ForRoles>
  );
}
