import { FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { Link } from 'react-router';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { messageOf } from '../../ui/errors';
import { AccountFrame } from '../AccountFrame';
import { PasswordField } from '../PasswordField';
import { fieldError, useFocusRefusedField } from '../field-errors';
import { isLinkRefused, linkRefusalText, useEmailLink } from '../link-token';
import type { LoginState } from '../login/LoginScreen';
import { useAcceptInvitation } from './queries';

/** The invitation email's link: the invited person chooses their password, then logs in. */
export function InvitationScreen() {
  const { t } = useTranslation();
  const link = useEmailLink();
  const [password, setPassword] = useState('');
  const accept = useAcceptInvitation();
  const form = useRef<HTMLFormElement>(null);
  useFocusRefusedField(form, accept.error, (error) => (fieldError(error, 'password') ? 'password' : undefined));
  const toLogin: LoginState = link.email ? { email: link.email } : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!link.token) return;
    accept.mutate({ token: link.token, password });
  };
  const onPasswordChange = (value: string) => {
    setPassword(value);
    if (accept.isError) accept.reset();
  };

  if (!link.token || isLinkRefused(accept.error)) {
    return (
      <AccountFrame title={t('account.invitation.title')}>
        <Notice tone="error" title={linkRefusalText(accept.error, t)}>
          <p>{t('account.invitation.askAgain')}</p>
        </Notice>
      </AccountFrame>
    );
  }
  if (accept.isSuccess) {
    return (
      <AccountFrame title={t('account.invitation.title')}>
        <div className="stack">
          <Notice tone="success">{t('account.invitation.done')}</Notice>
          <Link className="button button--primary button--big" to="/login" state={toLogin}>
            {t('account.invitation.toLogin')}
          </Link>
        </div>
      </AccountFrame>
    );
  }
  const passwordError = fieldError(accept.error, 'password');
  return (
    <AccountFrame title={t('account.invitation.title')}>
      <p>{t('account.invitation.intro')}</p>
      {accept.isError && passwordError === undefined && <Notice tone="error">{messageOf(accept.error)}</Notice>}
      <Form ref={form} onSubmit={onSubmit} className="stack">
        {/* For password managers: which account the new password belongs to. */}
        {link.email && <input type="email" name="username" autoComplete="username" value={link.email} readOnly hidden />}
        <PasswordField
          label={t('account.invitation.password')}
          name="password"
          autoComplete="new-password"
          value={password}
          onChange={onPasswordChange}
          errorMessage={passwordError}
          showRule
        />
        <Button type="submit" isDisabled={accept.isPending} big>
          {accept.isPending ? t('account.busy') : t('account.invitation.submit')}
        </Button>
      </Form>
    </AccountFrame>
  );
}
