import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { isLanguage, switchLanguage } from '../i18n/i18n';
import { session } from './session';

export type Me = components['schemas']['MeDto'];
type Status = 'starting' | 'signedOut' | 'signedIn';

const MeContext = createContext<Me | null>(null);

/** Who is signed in; only inside the signed-in part of the app. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside a signed-in page');
  return me;
}

export function useSessionStatus(): Status {
  // Right after a login the token is here already, and there is nothing to start.
  const [started, setStarted] = useState(() => session.accessToken() !== null);
  const token = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.accessToken(),
  );
  useEffect(() => {
    // No refresh right after a login: it would rotate the cookie while a reload may be under way, and
    // the reload would send the old, now used, token and end the session.
    if (session.accessToken()) return;
    // A reload: the cookie (if any) gives a fresh access token without asking for the password.
    void session.refresh().finally(() => setStarted(true));
  }, []);
  if (token) return 'signedIn';
  return started ? 'signedOut' : 'starting';
}

export const meQueryKey = ['me'] as const;

export function useMeQuery(enabled: boolean) {
  return useQuery({ queryKey: meQueryKey, queryFn: () => unwrap(api.GET('/api/me')), enabled, staleTime: 60_000 });
}

/** Provides the signed-in user; the page speaks the language of their profile. */
export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  const locale = me.user.locale;
  useEffect(() => {
    if (isLanguage(locale)) void switchLanguage(locale);
  }, [locale]);
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** Clears every cached answer when the session ends, so the next user of the device sees nothing of it. */
export function useClearCacheOnSignOut(status: Status): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (status === 'signedOut') queryClient.clear();
  }, [status, queryClient]);
}
