import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../shared/api/client';
import { formatKm, formatWindow } from '../../shared/format/format';
import { ForRoles } from '../../shared/routing/SignedIn';
import { useMe } from '../../shared/session/session-context';
import { Button } from '../../shared/ui/Button';
import { QueryView } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { messageOf } from '../../shared/ui/errors';
import { neighbourhoodOf } from '../match/ClientFacts';
import { clientOf, useActiveMatches, useProposedMatches } from '../match/queries';
import { closedOutcome, isOfferClosed, Offer, useAnswerOffer, useOpenOffers } from '../offer/queries';
import { useNextVisits } from './queries';

/** The volunteer's start: urgent vigils first, then proposals to answer, then the next visits. Live through the stream. */
export function TodayScreen() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <ForRoles roles={['volunteer']} role={me.user.role}>
      <Page title={t('today.title')}>
        <VigilOffers />
        <Proposals />
        <NextVisits />
      </Page>
    </ForRoles>
  );
}

function VigilOffers() {
  const { t } = useTranslation();
  const offers = useOpenOffers();
  return (
    <section aria-labelledby="today-vigils">
      <h2 id="today-vigils">{t('today.vigils')}</h2>
      <QueryView query={offers}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('today.noVigils')}</p>
          ) : (
            <ul className="list">
              {page.items.map((offer) => (
                <li key={offer.id}>
                  <VigilOfferCard offer={offer} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function VigilOfferCard({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { accept } = useAnswerOffer();
  const client = offer.client;
  const headingId = `offer-${offer.id}`;
  const onAccept = () =>
    accept.mutate(offer.id, {
      onSuccess: () => void navigate(`/offers/${offer.id}`),
      // Someone else was quicker: the offer's page says so in friendly words.
      onError: (error) => {
        if (isOfferClosed(error)) void navigate(`/offers/${offer.id}`, { state: { closed: closedOutcome(error as ApiError) } });
      },
    });
  return (
    <article className="card card--urgent" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('today.vigilFor', { name: client?.firstName ?? '' })}</h3>
      {client && (
        <dl className="facts">
          <dt>{t('clientView.neighbourhood')}</dt>
          <dd>{neighbourhoodOf(client) ?? t('clientView.unknown')}</dd>
          {offer.distanceKm !== undefined && (
            <>
              <dt>{t('clientView.distance')}</dt>
              <dd>{t('clientView.distanceValue', { km: formatKm(offer.distanceKm) })}</dd>
            </>
          )}
          {client.vigilWindow && (
            <>
              <dt>{t('clientView.window')}</dt>
              <dd>{formatWindow(client.vigilWindow.start, client.vigilWindow.end)}</dd>
            </>
          )}
        </dl>
      )}
      {accept.error && !isOfferClosed(accept.error) && <Notice tone="error">{messageOf(accept.error)}</Notice>}
      <div className="stack card__actions">
        <Button big onPress={onAccept} isDisabled={accept.isPending} aria-describedby={headingId}>
          {accept.isPending ? t('offer.accepting') : t('offer.accept')}
        </Button>
        <div className="row">
          <Link className="button button--secondary" to={`/offers/${offer.id}?decline`} aria-describedby={headingId}>
            {t('offer.decline')}
          </Link>
          <Link to={`/offers/${offer.id}`} aria-describedby={headingId}>
            {t('today.moreAboutVigil')}
          </Link>
        </div>
      </div>
    </article>
  );
}

function Proposals() {
  const { t } = useTranslation();
  const proposals = useProposedMatches();
  return (
    <section aria-labelledby="today-proposals">
      <h2 id="today-proposals">{t('today.proposals')}</h2>
      <QueryView query={proposals}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('today.noProposals')}</p>
          ) : (
            <ul className="list">
              {page.items.map((match) => {
                const client = clientOf(match);
                return (
                  <li key={match.id} className="card">
                    <h3>{t('today.proposalFor', { name: client.firstName })}</h3>
                    <p>
                      {t(`clientView.kinds.${client.kind}`)} · {neighbourhoodOf(client) ?? t('clientView.unknown')}
                    </p>
                    <Link to={`/matches/${match.id}`}>{t('today.answerProposal', { name: client.firstName })}</Link>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function NextVisits() {
  const { t } = useTranslation();
  const visits = useNextVisits();
  const matches = useActiveMatches();
  const nameOf = (matchId: string) => {
    const match = matches.data?.items.find((m) => m.id === matchId);
    return match ? clientOf(match).firstName : null;
  };
  return (
    <section aria-labelledby="today-visits">
      <h2 id="today-visits">{t('today.nextVisits')}</h2>
      <QueryView query={visits}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('today.noVisits')}</p>
          ) : (
            <ul className="list">
              {page.items.map((visit) => {
                const name = nameOf(visit.matchId);
                return (
                  <li key={visit.id} className="card">
                    <p className="card__title">{name ? t('today.visitWith', { name }) : t('today.visit')}</p>
                    <p>
                      {formatWindow(visit.startsAt, visit.endsAt)} · {t(`today.visitStatus.${visit.status}`)}
                    </p>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryView>
      <p>
        <Link to="/visits">{t('today.allVisits')}</Link>
      </p>
    </section>
  );
}
