import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';
import { disablePush, enablePush, pushState } from '../../shared/push/push';

export type Preferences = components['schemas']['PreferencesDto'];
export type KindPreference = components['schemas']['KindPreferenceDto'];
export type Channel = KindPreference['channels'][number];

const preferencesKey = ['notification-preferences'] as const;

export function usePreferences() {
  return useQuery({ queryKey: preferencesKey, queryFn: () => unwrap(api.GET('/api/me/notification-preferences')) });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['UpdatePreferencesDto']) => unwrap(api.PUT('/api/me/notification-preferences', { body })),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}

/** Push on this device: a browser fact, kept in the query cache so the screen re-reads it after a change. */
export function usePushState(userId: string) {
  return useQuery({ queryKey: ['push-state', userId], queryFn: () => pushState(userId), staleTime: Infinity });
}

export function useSwitchPush(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => (on ? enablePush(userId) : disablePush(userId)),
    // Also after a failure: the browser's permission may have changed on the way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['push-state', userId] }),
  });
}
