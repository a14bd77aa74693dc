import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { createBrowserRouter, Link, Outlet, RouterProvider, useHref, useNavigate } from 'react-router';
import { i18n } from './shared/i18n/i18n';
import { ChangePasswordScreen } from './shared/account/change-password/ChangePasswordScreen';
import { ForgotPasswordScreen } from './shared/account/forgot-password/ForgotPasswordScreen';
import { InvitationScreen } from './shared/account/invitation/InvitationScreen';
import { LoginScreen } from './shared/account/login/LoginScreen';
import { ResetPasswordScreen } from './shared/account/reset-password/ResetPasswordScreen';
import { TwoFactorScreen } from './shared/account/two-factor/TwoFactorScreen';
import { SignedIn } from './shared/routing/SignedIn';
import { ApiError } from './shared/api/client';
import { Page } from './shared/ui/Page';
import { volunteerRoutes } from './volunteer/routes';
import { InboxScreen } from './shared/inbox/InboxScreen';
import { notificationsKey } from './shared/inbox/queries';
import { listenToServiceWorker } from './shared/push/worker-messages';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // 4xx answers will not change by asking again; network trouble might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

/** React Aria links and buttons with `href` navigate through the router, not with a page load. */
function AriaRouter() {
  const navigate = useNavigate();
  return (
    <AriaRouterProvider navigate={(to, options) => void navigate(to, options)} useHref={useHref}>
      <Outlet />
    </AriaRouterProvider>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFound')}>
      <Link to="/">{t('app.toHome')}</Link>
    </Page>
  );
}

const router = createBrowserRouter([
  {
    element: <AriaRouter />,
    children: [
      { path: '/login', element: <LoginScreen /> },
      { path: '/login/two-factor', element: <TwoFactorScreen /> },
      { path: '/invitation', element: <InvitationScreen /> },
      { path: '/forgot-password', element: <ForgotPasswordScreen /> },
      { path: '/reset-password', element: <ResetPasswordScreen /> },
      {
        element: (
          <SignedIn>
            <Outlet />
          </SignedIn>
        ),
        children: [
          ...volunteerRoutes,
          { path: '/inbox', element: <InboxScreen /> },
          { path: '/account/password', element: <ChangePasswordScreen /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);

listenToServiceWorker(
  (path) => router.navigate(path),
  () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
);

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
