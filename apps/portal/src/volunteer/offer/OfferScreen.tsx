import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../shared/api/client';
import { formatWindow } from '../../shared/format/format';
import { ForRoles } from '../../shared/routing/SignedIn';
import { useMe } from '../../shared/session/session-context';
import { Button } from '../../shared/ui/Button';
import { QueryView } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import { messageOf } from '../../shared/ui/errors';
import { ClientFacts } from '../match/ClientFacts';
import { clientOf, useMatch, useMatchVisits } from '../match/queries';
import { closedOutcome, ClosedOutcome, isOfferClosed, Offer, useAnswerOffer, useOffer } from './queries';


export function OfferScreen() {
  const me = useMe();
  const { id = '' } = useParams();
  return (
    <ForRoles roles={['volunteer']} role={me.user.role}>
      <OfferView id={id} />
    </ForRoles>
  );
}

function OfferView({ id }: { id: string }) {
  const offer = useOffer(id);
  const location = useLocation();
  const [closed, setClosed] = useState<ClosedOutcome | null>((location.state as { closed?: ClosedOutcome } | null)?.closed ?? null);
  if (closed) return <ClosedView outcome={closed} />;
  return (
    <QueryView query={offer}>
      {(data) => {
        switch (data.status) {
          case 'sent':
            return <OpenOffer offer={data} onClosed={setClosed} />;
          case 'accepted':
            return <AcceptedOffer offer={data} />;
          case 'declined':
            return <DeclinedOffer />;
          case 'withdrawn':
          case 'expired':
            return <ClosedView />;
        }
      }}
    </QueryView>
  );
}

/** The preview, one big "yes", and a "no" with an optional reason. */
function OpenOffer({ offer, onClosed }: { offer: Offer; onClosed: (outcome: ClosedOutcome) => void }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const [declining, setDeclining] = useState(searchParams.has('decline'));
  const [reason, setReason] = useState('');
  const { accept, decline } = useAnswerOffer();
  const client = offer.client;
  const busy = accept.isPending || decline.isPending;
  const failure = accept.error ?? decline.error;

  const onAccept = () =>
    accept.mutate(offer.id, {
      onError: (error) => {
        if (isOfferClosed(error)) onClosed(closedOutcome(error as ApiError));
      },
    });
  const onDecline = (event: FormEvent) => {
    event.preventDefault();
    decline.mutate(
      { id: offer.id, reason: reason.trim() || undefined },
      {
        onError: (error) => {
          if (isOfferClosed(error)) onClosed(closedOutcome(error as ApiError));
        },
      },
    );
  };

  return (
    <Page title={t('offer.title', { name: client?.firstName ?? '' })}>
      <div className="stack">
        <Notice tone="warning">{t('offer.urgent')}</Notice>
        {client && <ClientFacts client={client} distanceKm={offer.distanceKm} />}
        {failure && !isOfferClosed(failure) && <Notice tone="error">{messageOf(failure)}</Notice>}
        {declining ? (
          <Form onSubmit={onDecline} className="stack">
            <TextField label={t('offer.declineReason')} description={t('offer.declineReasonHint')} value={reason} onChange={setReason} maxLength={1000} autoFocus />
            <div className="row">
              <Button type="submit" variant="danger" isDisabled={busy}>
                {t('offer.declineConfirm')}
              </Button>
              <Button variant="quiet" onPress={() => setDeclining(false)} isDisabled={busy}>
                {t('offer.declineCancel')}
              </Button>
            </div>
          </Form>
        ) : (
          <div className="stack">
            <Button big onPress={onAccept} isDisabled={busy}>
              {accept.isPending ? t('offer.accepting') : t('offer.accept')}
            </Button>
            <Button variant="secondary" onPress={() => setDeclining(true)} isDisabled={busy}>
              {t('offer.decline')}
            </Button>
          </div>
        )}
      </div>
    </Page>
  );
}

/** The confirmed vigil: when, and where (address and phone come with the match, now that it is active). */
function AcceptedOffer({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const match = useMatch(offer.matchId);
  const visits = useMatchVisits(offer.matchId);
  return (
    // A new Page: its heading takes the focus, so a screen reader hears the outcome.
    <Page title={t('offer.accepted.title', { name: offer.client?.firstName ?? '' })}>
      <div className="stack">
        <Notice tone="success">{t('offer.accepted.body')}</Notice>
        <h2>{t('offer.accepted.when')}</h2>
        <QueryView query={visits}>
          {(page) => (
            <ul className="plain-list">
              {page.items
                .filter((visit) => visit.status !== 'cancelled')
                .map((visit) => (
                  <li key={visit.id}>{formatWindow(visit.startsAt, visit.endsAt)}</li>
                ))}
            </ul>
          )}
        </QueryView>
        <h2>{t('offer.accepted.where')}</h2>
        <QueryView query={match}>{(data) => <ClientFacts client={clientOf(data)} />}</QueryView>
        <Link to="/visits">{t('offer.toVisits')}</Link>
        <Link to="/">{t('offer.toToday')}</Link>
      </div>
    </Page>
  );
}

function DeclinedOffer() {
  const { t } = useTranslation();
  return (
    <Page title={t('offer.declined.title')}>
      <p>{t('offer.declined.body')}</p>
      <Link to="/">{t('offer.toToday')}</Link>
    </Page>
  );
}

/** Someone else was quicker (or the vigil is no longer needed): thanks, and nothing more to do. */
function ClosedView({ outcome }: { outcome?: ClosedOutcome }) {
  const { t } = useTranslation();
  const taken = outcome?.code === 'offer_taken';
  return (
    <Page title={taken ? t('offer.taken.title') : t('offer.closed.title')}>
      <p>{taken ? t('offer.taken.body') : (outcome?.message ?? t('offer.closed.body'))}</p>
      <Link to="/">{t('offer.toToday')}</Link>
    </Page>
  );
}
