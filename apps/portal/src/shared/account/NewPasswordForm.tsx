import { FormEvent, ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { messageOf } from '../ui/errors';
import { AccountFrame } from './AccountFrame';
import { PasswordField } from './PasswordField';
import { fieldError, useFocusRefusedField } from './field-errors';
import { linkRefusalText } from './link-token';

/** What the form needs of the mutation that sends the new password. */
interface Request {
  error: unknown;
  isError: boolean;
  isPending: boolean;
  reset: () => void;
}

interface Props {
  label: string;
  submitLabel: string;
  /** The password's name in the request: the API names the field it refuses by it. */
  name: string;
  request: Request;
  onSubmit: (password: string) => void;
  /** For password managers: which account the new password belongs to. */
  email?: string | null;
}

/** Choosing a password from an emailed link (invitation, reset): one field, its rule, the API's refusal. */
export function NewPasswordForm({ label, submitLabel, name, request, onSubmit, email }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const form = useRef<HTMLFormElement>(null);
  useFocusRefusedField(form, request.error, (error) => (fieldError(error, name) ? name : undefined));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(password);
  };
  const onChange = (value: string) => {
    setPassword(value);
    if (request.isError) request.reset();
  };

  const passwordError = fieldError(request.error, name);
  return (
    <>
      {request.isError && passwordError === undefined && <Notice tone="error">{messageOf(request.error)}</Notice>}
      <Form ref={form} onSubmit={submit} className="stack">
        {email && <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />}
        <PasswordField label={label} name={name} autoComplete="new-password" value={password} onChange={onChange} errorMessage={passwordError} showRule />
        <Button type="submit" isDisabled={request.isPending} big>
          {request.isPending ? t('account.busy') : submitLabel}
        </Button>
      </Form>
    </>
  );
}

/** An emailed link that is missing or refused: why, and what to do (`children`: the way on, if any). */
export function LinkRefused({ title, askAgain, error, children }: { title: string; askAgain: string; error: unknown; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AccountFrame title={title}>
      <Notice tone="error" title={linkRefusalText(error, t)}>
        <p>{askAgain}</p>
      </Notice>
      {children}
    </AccountFrame>
  );
}
