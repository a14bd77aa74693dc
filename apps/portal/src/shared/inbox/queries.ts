import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';

export type InboxItem = components['schemas']['InboxItemDto'];

const PAGE_SIZE = 20;
/** Every notification query (the list and the shell's unread count) starts with this key. */
export const notificationsKey = ['notifications'] as const;

/** The inbox, unread first, then newest; "more" fetches the next page. */
export function useInbox() {
  return useInfiniteQuery({
    queryKey: [...notificationsKey, 'list'],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/me/notifications', { params: { query: { page: pageParam, pageSize: PAGE_SIZE } } })),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

/** Reading changes the list's order and the unread badge: both are fetched again. */
function useAfterReading() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationsKey });
}

export function useMarkRead() {
  const refresh = useAfterReading();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useAfterReading();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/me/notifications/read-all')),
    onSuccess: refresh,
  });
}

/** Only a path inside the portal is followed (never another site, nor `//host`). */
export function portalPath(path: string | null): string | null {
  return path && path.startsWith('/') && !path.startsWith('//') ? path : null;
}
