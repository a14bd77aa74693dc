import { FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { messageOf } from '../../ui/errors';
import { AccountFrame } from '../AccountFrame';
import { PasswordField } from '../PasswordField';
import { fieldError, useFocusRefusedField } from '../field-errors';
import { isLinkRefused, linkRefusalText, useEmailLink } from '../link-token';
import type { LoginState } from '../login/LoginScreen';
import { useConfirmPasswordReset } from './queries';

/** The reset email's link: a new password, then the login page (every earlier login has ended). */
export function ResetPasswordScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const link = useEmailLink();
  const [password, setPassword] = useState('');
  const confirm = useConfirmPasswordReset();
  const form = useRef<HTMLFormElement>(null);
  useFocusRefusedField(form, confirm.error, (error) => (fieldError(error, 'newPassword') ? 'newPassword' : undefined));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!link.token) return;
    const loginState: LoginState = { notice: 'passwordReset', ...(link.email ? { email: link.email } : {}) };
    confirm.mutate({ token: link.token, newPassword: password }, { onSuccess: () => navigate('/login', { replace: true, state: loginState }) });
  };
  const onPasswordChange = (value: string) => {
    setPassword(value);
    if (confirm.isError) confirm.reset();
  };

  if (!link.token || isLinkRefused(confirm.error)) {
    return (
      <AccountFrame title={t('account.reset.title')}>
        <Notice tone="error" title={linkRefusalText(confirm.error, t)}>
          <p>{t('account.reset.askAgain')}</p>
        </Notice>
        <Link className="button button--primary button--big" to="/forgot-password">
          {t('account.reset.requestNew')}
        </Link>
      </AccountFrame>
    );
  }
  const passwordError = fieldError(confirm.error, 'newPassword');
  return (
    <AccountFrame title={t('account.reset.title')}>
      {confirm.isError && passwordError === undefined && <Notice tone="error">{messageOf(confirm.error)}</Notice>}
      <Form ref={form} onSubmit={onSubmit} className="stack">
        <PasswordField
          label={t('account.reset.password')}
          name="newPassword"
          autoComplete="new-password"
          value={password}
          onChange={onPasswordChange}
          errorMessage={passwordError}
          showRule
        />
        <Button type="submit" isDisabled={confirm.isPending} big>
          {confirm.isPending ? t('account.busy') : t('account.reset.submit')}
        </Button>
      </Form>
    </AccountFrame>
  );
}
