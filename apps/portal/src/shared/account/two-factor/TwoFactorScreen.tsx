import { FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, Form } from 'react-aria-components';
import { QRCodeSVG } from 'qrcode.react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { messageOf } from '../../ui/errors';
import { afterLogin } from '../../routing/routes';
import { AccountFrame } from '../AccountFrame';
import { fieldError, useFocusRefusedField } from '../field-errors';
import { SecondFactor, useEnrolAtLogin, useSecondFactor } from './queries';

/** What the login screen hands over (router state, never the URL). */
export interface TwoFactorState {
  challenge?: string;
  enrolmentRequired?: boolean;
  from?: string;
}

/** The login's second step: a code of the app or a recovery code; first setting up the app if the organisation requires it. */
export function TwoFactorScreen() {
  const state = (useLocation().state ?? {}) as TwoFactorState;
  const navigate = useNavigate();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  if (!state.challenge) return <Navigate to="/login" replace />;
  const done = () => navigate(afterLogin(state.from), { replace: true });

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onContinue={done} />;
  if (state.enrolmentRequired && !enrolment) return <EnrolmentStart challenge={state.challenge} onStarted={setEnrolment} />;
  return (
    <CodeStep
      challenge={state.challenge}
      enrolment={enrolment}
      onSignedIn={(codes) => (codes.length > 0 ? setRecoveryCodes(codes) : done())}
    />
  );
}

function EnrolmentStart({ challenge, onStarted }: { challenge: string; onStarted: (enrolment: { secret: string; otpauthUri: string }) => void }) {
  const { t } = useTranslation();
  const enrol = useEnrolAtLogin();
  return (
    <AccountFrame title={t('account.twoFactor.enrol.title')}>
      <div className="stack account-steps">
        <p>{t('account.twoFactor.enrol.why')}</p>
        <p>{t('account.twoFactor.enrol.app')}</p>
        {enrol.isError && <ChallengeError error={enrol.error} />}
        <Button big isDisabled={enrol.isPending} onPress={() => enrol.mutate(challenge, { onSuccess: onStarted })}>
          {enrol.isPending ? t('account.busy') : t('account.twoFactor.enrol.start')}
        </Button>
      </div>
    </AccountFrame>
  );
}

function CodeStep({ challenge, enrolment, onSignedIn }: { challenge: string; enrolment: { secret: string; otpauthUri: string } | null; onSignedIn: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const secondFactor = useSecondFactor();
  const field = useRecovery ? 'recoveryCode' : 'code';
  // A wrong or used code is the API's refusal of the whole request; shown at the field.
  const codeErrorOf = (error: unknown) => (error instanceof ApiError && error.code === 'invalid_code' ? error.message : fieldError(error, field));
  const codeError = codeErrorOf(secondFactor.error);
  const form = useRef<HTMLFormElement>(null);
  useFocusRefusedField(form, secondFactor.error, (error) => (codeErrorOf(error) ? field : undefined));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const factor: SecondFactor = useRecovery ? { recoveryCode: code.trim() } : { code: code.replace(/\s/g, '') };
    secondFactor.mutate({ challenge, factor }, { onSuccess: (answer) => onSignedIn(answer.recoveryCodes) });
  };
  const switchKind = () => {
    setUseRecovery(!useRecovery);
    setCode('');
    secondFactor.reset();
  };
  const edit = (value: string) => {
    setCode(value);
    if (secondFactor.isError) secondFactor.reset();
  };

  return (
    <AccountFrame title={t(enrolment ? 'account.twoFactor.enrol.title' : 'account.twoFactor.title')}>
      <div className="stack account-steps">
        {enrolment ? <EnrolmentSecret {...enrolment} /> : <p>{t(useRecovery ? 'account.twoFactor.recoveryIntro' : 'account.twoFactor.intro')}</p>}
        {secondFactor.isError && codeError === undefined && <ChallengeError error={secondFactor.error} />}
        <Form ref={form} onSubmit={onSubmit} className="stack">
          {useRecovery ? (
            <TextField
              key="recovery"
              label={t('account.twoFactor.recoveryCode')}
              description={t('account.twoFactor.recoveryHint')}
              name="recoveryCode"
              autoComplete="off"
              isRequired
              value={code}
              onChange={edit}
              isInvalid={codeError !== undefined}
              validationBehavior="aria"
              errorMessage={codeError}
            />
          ) : (
            <TextField
              key="code"
              label={t('account.twoFactor.code')}
              description={t('account.twoFactor.codeHint')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              isRequired
              value={code}
              onChange={edit}
              isInvalid={codeError !== undefined}
              validationBehavior="aria"
              errorMessage={codeError}
            />
          )}
          <Button type="submit" big isDisabled={secondFactor.isPending}>
            {secondFactor.isPending ? t('account.busy') : t('account.twoFactor.submit')}
          </Button>
        </Form>
        {!enrolment && (
          <Button variant="quiet" onPress={switchKind}>
            {t(useRecovery ? 'account.twoFactor.useApp' : 'account.twoFactor.useRecovery')}
          </Button>
        )}
        <Link to="/login">{t('account.backToLogin')}</Link>
      </div>
    </AccountFrame>
  );
}

/** The new secret as a QR code and as text (a phone cannot scan its own screen); the URI stays in this page. */
function EnrolmentSecret({ secret, otpauthUri }: { secret: string; otpauthUri: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('account.twoFactor.enrol.scan')}</p>
      <QRCodeSVG value={otpauthUri} size={200} marginSize={2} role="img" aria-label={t('account.twoFactor.enrol.qr')} className="qr" />
      <p>{t('account.twoFactor.enrol.typeInstead')}</p>
      <p className="secret">
        <span className="visually-hidden">{t('account.twoFactor.enrol.secret')}: </span>
        {/* Groups of four are easier to type over; apps ignore the spaces. */}
        <code>{secret.match(/.{1,4}/g)?.join(' ')}</code>
      </p>
      <p>{t('account.twoFactor.enrol.then')}</p>
    </>
  );
}

/** A refused challenge (too slow, or too many tries) sends back to the login page; other errors in the API's words. */
function ChallengeError({ error }: { error: Error }) {
  const { t } = useTranslation();
  const expired = error instanceof ApiError && (error.code === 'invalid_challenge' || error.status === 401);
  return (
    <Notice tone="error">
      <p>{messageOf(error)}</p>
      {expired && <Link to="/login">{t('account.twoFactor.loginAgain')}</Link>}
    </Notice>
  );
}

/** Shown once, right after the enrolment: the user must see and keep them before going on. */
function RecoveryCodes({ codes, onContinue }: { codes: string[]; onContinue: () => void }) {
  const { t } = useTranslation();
  const [kept, setKept] = useState(false);
  return (
    <AccountFrame title={t('account.twoFactor.codes.title')}>
      <div className="stack account-steps">
        <Notice tone="warning" title={t('account.twoFactor.codes.once')}>
          <p>{t('account.twoFactor.codes.why')}</p>
        </Notice>
        <ul className="recovery-codes" aria-label={t('account.twoFactor.codes.list')}>
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <Checkbox className="checkbox" isSelected={kept} onChange={setKept}>
          <span className="checkbox__box" aria-hidden="true" />
          {t('account.twoFactor.codes.kept')}
        </Checkbox>
        <Button big isDisabled={!kept} onPress={onContinue}>
          {t('account.twoFactor.codes.continue')}
        </Button>
      </div>
    </AccountFrame>
  );
}
