import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AccountFrame } from '../AccountFrame';
import { LinkRefused, NewPasswordForm } from '../NewPasswordForm';
import { isLinkRefused, useEmailLink } from '../link-token';
import type { LoginState } from '../login/LoginScreen';
import { useConfirmPasswordReset } from './queries';

/** The reset email's link: a new password, then the login page (every earlier login has ended). */
export function ResetPasswordScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const link = useEmailLink();
  const confirm = useConfirmPasswordReset();

  if (!link.token || isLinkRefused(confirm.error)) {
    return (
      <LinkRefused title={t('account.reset.title')} askAgain={t('account.reset.askAgain')} error={confirm.error}>
        <Link className="button button--primary button--big" to="/forgot-password">
          {t('account.reset.requestNew')}
        </Link>
      </LinkRefused>
    );
  }
  const token = link.token;
  const onSubmit = (newPassword: string) => {
    const loginState: LoginState = { notice: 'passwordReset', ...(link.email ? { email: link.email } : {}) };
    confirm.mutate({ token, newPassword }, { onSuccess: () => navigate('/login', { replace: true, state: loginState }) });
  };
  return (
    <AccountFrame title={t('account.reset.title')}>
      <NewPasswordForm label={t('account.reset.password')} submitLabel={t('account.reset.submit')} name="newPassword" request={confirm} onSubmit={onSubmit} />
    </AccountFrame>
  );
}
