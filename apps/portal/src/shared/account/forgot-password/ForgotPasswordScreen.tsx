import { FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { Link } from 'react-router';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { messageOf } from '../../ui/errors';
import { AccountFrame } from '../AccountFrame';
import { fieldError, useFocusRefusedField } from '../field-errors';
import { useRequestPasswordReset } from './queries';

/** Asks for a reset link by email; the API answers the same words whether the address has an account or not. */
export function ForgotPasswordScreen() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const request = useRequestPasswordReset();
  const form = useRef<HTMLFormElement>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email);
  };
  const emailError = fieldError(request.error, 'email');
  useFocusRefusedField(form, request.error, (error) => (fieldError(error, 'email') ? 'email' : undefined));
  return (
    <AccountFrame title={t('account.forgot.title')}>
      {request.isSuccess ? (
        <Notice tone="success">
          <p>{request.data.message}</p>
        </Notice>
      ) : (
        <>
          <p>{t('account.forgot.intro')}</p>
          {request.isError && emailError === undefined && <Notice tone="error">{messageOf(request.error)}</Notice>}
          <Form ref={form} onSubmit={onSubmit} className="stack">
            <TextField
              label={t('login.email')}
              type="email"
              name="email"
              autoComplete="username"
              isRequired
              value={email}
              onChange={setEmail}
              isInvalid={emailError !== undefined}
              validationBehavior="aria"
              errorMessage={emailError}
            />
            <Button type="submit" isDisabled={request.isPending} big>
              {request.isPending ? t('account.busy') : t('account.forgot.submit')}
            </Button>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t('account.backToLogin')}</Link>
      </p>
    </AccountFrame>
  );
}
