import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { createBrowserRouter, Link, Outlet, RouterProvider, useHref, useNavigate } from 'react-router';
import { i18n } from './shared/i18n/i18n';
import { LoginScreen } from './shared/account/login/LoginScreen';
import { lazyScreen } from './shared/routing/routes';
import { RouteError } from './shared/routing/RouteError';
import { SignedIn } from './shared/routing/SignedIn';
import { ApiError } from './shared/api/client';
import { Page } from './shared/ui/Page';
import { session } from './shared/session/session';
import { prefetchToday } from './volunteer/today/queries';
import { volunteerRoutes } from './volunteer/routes';
import { coordinatorRoutes } from './coordinator/routes';
import { Home } from './shared/routing/Home';
import { notificationsKey } from './shared/inbox/queries';
import { listenToServiceWorker } from './shared/push/worker-messages';

const queryClient: QueryClient = new QueryClient({
  // A change (an accept, a planned visit) shows on every screen at once: Today, visits and matches
  // share data under different keys, and asking again is cheap next to showing a stale vigil.
  mutationCache: new MutationCache({ onSuccess: () => void queryClient.invalidateQueries() }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // 4xx answers will not change by asking again; network trouble might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

// A volunteer opening the app lands on Today: its data travels beside /api/me, not after it.
session.subscribe(() => {
  if (session.role() === 'volunteer' && window.location.pathname === '/') prefetchToday(queryClient);
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
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginScreen /> },
      { path: '/login/two-factor', lazy: lazyScreen(() => import('./shared/account/two-factor/TwoFactorScreen'), 'TwoFactorScreen') },
      { path: '/invitation', lazy: lazyScreen(() => import('./shared/account/invitation/InvitationScreen'), 'InvitationScreen') },
      { path: '/forgot-password', lazy: lazyScreen(() => import('./shared/account/forgot-password/ForgotPasswordScreen'), 'ForgotPasswordScreen') },
      { path: '/reset-password', lazy: lazyScreen(() => import('./shared/account/reset-password/ResetPasswordScreen'), 'ResetPasswordScreen') },
      {
        element: (
          <SignedIn>
            <Outlet />
          </SignedIn>
        ),
        children: [
          { index: true, element: <Home /> },
          ...volunteerRoutes,
          ...coordinatorRoutes,
          { path: '/inbox', lazy: lazyScreen(() => import('./shared/inbox/InboxScreen'), 'InboxScreen') },
          { path: '/account/password', lazy: lazyScreen(() => import('./shared/account/change-password/ChangePasswordScreen'), 'ChangePasswordScreen') },
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
