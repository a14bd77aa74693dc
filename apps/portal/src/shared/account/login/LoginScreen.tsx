import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { messageOf } from '../../ui/errors';
import { LoginOutcome, session } from '../../session/session';
import { afterLogin } from '../../routing/routes';
import { AccountFrame } from '../AccountFrame';
import { PasswordField } from '../PasswordField';

/** Set by the account screens that end at the login page. */
export type LoginNotice = 'passwordReset' | 'loggedOutEverywhere';

export interface LoginState {
  from?: string;
  ended?: boolean;
  /** Prefills the email address (after an invitation whose link named it). */
  email?: string;
  notice?: LoginNotice;
}

/** Email and password; then, as the answer says, a second factor or a choice of organisation. */
export function LoginScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginState;
  const [email, setEmail] = useState(state.email ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [organisations, setOrganisations] = useState<{ id: string; name: string }[] | null>(null);

  const submit = async (organisationId?: string) => {
    setBusy(true);
    setError(null);
    try {
      const outcome: LoginOutcome = await session.login(email, password, organisationId);
      if (outcome.kind === 'chooseOrganisation') setOrganisations(outcome.organisations);
      else if (outcome.kind === 'twoFactor') void navigate('/login/two-factor', { state: { ...outcome, from: state.from } });
      else void navigate(afterLogin(state.from), { replace: true });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <AccountFrame title={t('login.title')}>
      {state.notice && <Notice tone="success">{t(`account.notices.${state.notice}`)}</Notice>}
      {state.ended && <Notice tone="info">{t('login.sessionEnded')}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      {organisations ? (
        <div className="stack">
          <p>{t('login.chooseOrganisation')}</p>
          {organisations.map((organisation) => (
            <Button key={organisation.id} variant="secondary" isDisabled={busy} onPress={() => void submit(organisation.id)}>
              {organisation.name}
            </Button>
          ))}
        </div>
      ) : (
        <Form onSubmit={onSubmit} className="stack">
          <TextField label={t('login.email')} type="email" name="email" autoComplete="username" isRequired value={email} onChange={setEmail} />
          <PasswordField label={t('login.password')} name="password" autoComplete="current-password" value={password} onChange={setPassword} />
          <Button type="submit" isDisabled={busy} big>
            {busy ? t('login.busy') : t('login.submit')}
          </Button>
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </Form>
      )}
    </AccountFrame>
  );
}
