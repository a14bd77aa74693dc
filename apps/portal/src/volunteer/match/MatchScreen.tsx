import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { ForRoles } from '../../shared/routing/SignedIn';
import { useMe } from '../../shared/session/session-context';
import { Button } from '../../shared/ui/Button';
import { QueryView } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import { messageOf } from '../../shared/ui/errors';
import { ClientFacts } from './ClientFacts';
import { clientOf, DECLINE_REASONS, DeclineReason, Match, useAnswerMatch, useMatch } from './queries';

export function MatchScreen() {
  const me = useMe();
  const { id = '' } = useParams();
  return (
    <ForRoles roles={['volunteer']} role={me.user.role}>
      <MatchView id={id} />
    </ForRoles>
  );
}

function MatchView({ id }: { id: string }) {
  const match = useMatch(id);
  return <QueryView query={match}>{(data) => (data.status === 'proposed' ? <Proposal match={data} /> : <Answered match={data} />)}</QueryView>;
}

/** A proposal: who and what, then yes, or no with one of the API's reasons. */
function Proposal({ match }: { match: Match }) {
  const { t } = useTranslation();
  const client = clientOf(match);
  const { accept, decline } = useAnswerMatch(match.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState<DeclineReason | null>(null);
  const [note, setNote] = useState('');
  const busy = accept.isPending || decline.isPending;
  const failure = accept.error ?? decline.error;

  const onDecline = (event: FormEvent) => {
    event.preventDefault();
    if (reason) decline.mutate({ reason, note: note.trim() || undefined });
  };

  return (
    <Page title={t('match.title', { name: client.firstName })}>
      <div className="stack">
        <p>{t('match.intro')}</p>
        <ClientFacts client={client} />
        <p className="hint">{t('match.addressLater')}</p>
        {failure && <Notice tone="error">{messageOf(failure)}</Notice>}
        {declining ? (
          <Form onSubmit={onDecline} className="stack">
            <RadioGroup className="radio-group" value={reason} onChange={(value) => setReason(value as DeclineReason)} isRequired>
              <Label className="field__label">{t('match.declineReason')}</Label>
              {DECLINE_REASONS.map((code, index) => (
                <Radio key={code} value={code} className="radio" autoFocus={index === 0}>
                  {t(`match.reasons.${code}`)}
                </Radio>
              ))}
              <FieldError className="field__error">{t('match.chooseReason')}</FieldError>
            </RadioGroup>
            <TextField label={t('match.declineNote')} description={t('match.declineNoteHint')} value={note} onChange={setNote} maxLength={1000} />
            <div className="row">
              <Button type="submit" variant="danger" isDisabled={busy}>
                {t('match.declineConfirm')}
              </Button>
              <Button variant="quiet" onPress={() => setDeclining(false)} isDisabled={busy}>
                {t('match.declineCancel')}
              </Button>
            </div>
          </Form>
        ) : (
          <div className="stack">
            <Button big onPress={() => accept.mutate()} isDisabled={busy}>
              {accept.isPending ? t('match.accepting') : t('match.accept')}
            </Button>
            <Button variant="secondary" onPress={() => setDeclining(true)} isDisabled={busy}>
              {t('match.decline')}
            </Button>
          </div>
        )}
      </div>
    </Page>
  );
}

/** After the answer: a new Page, whose heading takes the focus so a screen reader hears the outcome. */
function Answered({ match }: { match: Match }) {
  const { t } = useTranslation();
  const client = clientOf(match);
  return (
    <Page title={t(`match.status.${match.status}`, { name: client.firstName })}>
      <div className="stack">
        {match.status === 'active' && <Notice tone="success">{t('match.activeBody', { name: client.firstName })}</Notice>}
        <ClientFacts client={client} />
        {match.status === 'active' && <Link to="/visits">{t('match.planVisits')}</Link>}
        <Link to="/">{t('offer.toToday')}</Link>
      </div>
    </Page>
  );
}
