import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../ui/Notice';
import { AccountFrame } from '../AccountFrame';
import { LinkRefused, NewPasswordForm } from '../NewPasswordForm';
import { isLinkRefused, useEmailLink } from '../link-token';
import type { LoginState } from '../login/LoginScreen';
import { useAcceptInvitation } from './queries';

/** The invitation email's link: the invited person chooses their password, then logs in. */
export function InvitationScreen() {
  const { t } = useTranslation();
  const link = useEmailLink();
  const accept = useAcceptInvitation();
  const toLogin: LoginState = link.email ? { email: link.email } : {};

  if (!link.token || isLinkRefused(accept.error)) {
    return <LinkRefused title={t('account.invitation.title')} askAgain={t('account.invitation.askAgain')} error={accept.error} />;
  }
  const token = link.token;
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
  return (
    <AccountFrame title={t('account.invitation.title')}>
      <p>{t('account.invitation.intro')}</p>
      <NewPasswordForm
        label={t('account.invitation.password')}
        submitLabel={t('account.invitation.submit')}
        name="password"
        request={accept}
        onSubmit={(password) => accept.mutate({ token, password })}
        email={link.email}
      />
    </AccountFrame>
  );
}
