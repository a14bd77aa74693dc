import { FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useMe } from '../../session/session-context';
import { signOut } from '../../session/sign-out';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { messageOf } from '../../ui/errors';
import { PasswordField } from '../PasswordField';
import { fieldError, useFocusRefusedField } from '../field-errors';
import type { LoginState } from '../login/LoginScreen';
import { useChangePassword } from './queries';

/** A wrong current password is the API's refusal of the whole request; shown at its field. */
function currentErrorOf(error: unknown): string | undefined {
  if (error instanceof ApiError && error.code === 'wrong_password') return error.message;
  return fieldError(error, 'currentPassword');
}

/** A new password (every other login ends), and logging out on every device. */
export function ChangePasswordScreen() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [leaving, setLeaving] = useState(false);
  const change = useChangePassword();
  const form = useRef<HTMLFormElement>(null);
  useFocusRefusedField(form, change.error, (error) => (currentErrorOf(error) ? 'currentPassword' : fieldError(error, 'newPassword') ? 'newPassword' : undefined));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
        },
      },
    );
  };
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    if (!change.isIdle) change.reset();
  };
  const logoutEverywhere = async () => {
    setLeaving(true);
    await signOut(me.user.id, true);
    const state: LoginState = { notice: 'loggedOutEverywhere' };
    void navigate('/login', { replace: true, state });
  };

  const currentError = currentErrorOf(change.error);
  const newError = fieldError(change.error, 'newPassword');
  return (
    <Page title={t('account.change.title')}>
      {change.isSuccess && <Notice tone="success">{t('account.change.done')}</Notice>}
      {change.isError && currentError === undefined && newError === undefined && <Notice tone="error">{messageOf(change.error)}</Notice>}
      <Form ref={form} onSubmit={onSubmit} className="stack">
        <PasswordField
          label={t('account.change.current')}
          name="currentPassword"
          autoComplete="current-password"
          value={currentPassword}
          onChange={edit(setCurrentPassword)}
          errorMessage={currentError}
        />
        <PasswordField
          label={t('account.change.new')}
          name="newPassword"
          autoComplete="new-password"
          value={newPassword}
          onChange={edit(setNewPassword)}
          errorMessage={newError}
          showRule
        />
        <p className="form-note">{t('account.change.otherDevices')}</p>
        <Button type="submit" isDisabled={change.isPending}>
          {change.isPending ? t('account.busy') : t('account.change.submit')}
        </Button>
      </Form>
      <section aria-labelledby="logout-everywhere" className="account-section">
        <h2 id="logout-everywhere">{t('account.everywhere.title')}</h2>
        <p>{t('account.everywhere.intro')}</p>
        <Button variant="danger" isDisabled={leaving} onPress={() => void logoutEverywhere()}>
          {t('account.everywhere.submit')}
        </Button>
      </section>
    </Page>
  );
}
