import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useLiveUpdates } from '../live/use-live-updates';
import { MeProvider, useClearCacheOnSignOut, useMeQuery, useSessionStatus } from '../session/session-context';
import { Shell } from '../shell/Shell';
import { Loading, QueryView } from '../ui/Loading';
import { Notice } from '../ui/Notice';

/** The signed-in part of the app: without a session, the login page (and back here afterwards). */
export function SignedIn({ children }: { children: ReactNode }) {
  const status = useSessionStatus();
  const location = useLocation();
  const me = useMeQuery(status === 'signedIn');
  useClearCacheOnSignOut(status);
  useLiveUpdates(status === 'signedIn');
  if (status === 'starting') return <Loading />;
  if (status === 'signedOut') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <QueryView query={me}>{(data) => <MeProvider me={data}>{<Shell>{children}</Shell>}</MeProvider>}</QueryView>;
}

/** A screen only some roles have; others see where to go instead of an error. */
export function ForRoles({ roles, role, children }: { roles: string[]; role: string; children: ReactNode }) {
  const { t } = useTranslation();
  if (roles.includes(role)) return <>{children}</>;
  return <Notice tone="info">{t('app.otherRoles', { role: t(`roles.${role}`) })}</Notice>;
}
