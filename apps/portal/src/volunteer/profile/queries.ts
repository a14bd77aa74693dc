import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';
import { Me, meQueryKey } from '../../shared/session/session-context';

type MePatch = components['schemas']['UpdateMeDto'];

/** Name, phone or language of the signed-in user; the session's `me` takes the answer at once. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: MePatch) => unwrap(api.PATCH('/api/me', { body: patch })),
    onSuccess: (user) => queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, user } : me)),
  });
}

/** A new secret calendar address; the API shows it only in this answer, so it is never cached. */
export function useCreateCalendarFeed() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/me/calendar-feed')) });
}

export function useRevokeCalendarFeed() {
  return useMutation({ mutationFn: () => unwrap(api.DELETE('/api/me/calendar-feed')) });
}
