import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type Visit = components['schemas']['VisitDto'];
export type VisitStatus = Visit['status'];
export type Match = components['schemas']['MatchViewDto'];
export type VisitAction = 'confirm' | 'decline' | 'complete' | 'cancel';

const PAGE_SIZE = 25;
const DAY = 86_400_000;
/** How far back a visit that was never completed still asks to be (older ones are the coordinator's). */
const TO_COMPLETE_DAYS = 30;

export const visitsKey = ['visits'] as const;
const matchesKey = ['matches', 'mine'] as const;

/** The volunteer's visits from now on, page by page (the API's default `from` is now). */
export function useUpcomingVisits() {
  return useInfiniteQuery({
    queryKey: [...visitsKey, 'upcoming'],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/me/visits', { params: { query: { page: pageParam, pageSize: PAGE_SIZE } } })),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

/** Visits of the last weeks that are over but still planned or confirmed: to complete (or cancel). */
export function useVisitsToComplete() {
  return useQuery({
    queryKey: [...visitsKey, 'to-complete'],
    queryFn: () => {
      const now = Date.now();
      const query = { from: new Date(now - TO_COMPLETE_DAYS * DAY).toISOString(), to: new Date(now).toISOString(), status: ['planned', 'confirmed'] as VisitStatus[], pageSize: 100 };
      return unwrap(api.GET('/api/me/visits', { params: { query } }));
    },
    // Ones still going on are in the upcoming list already.
    select: (page) => page.items.filter((visit) => Date.parse(visit.endsAt) <= Date.now()),
  });
}

/** The volunteer's active and past matches: the clients their visits are with. */
export function useMyMatches() {
  return useQuery({
    queryKey: matchesKey,
    queryFn: () => unwrap(api.GET('/api/matches', { params: { query: { status: ['active', 'ended'], pageSize: 100 } } })),
    select: (page) => page.items,
  });
}

/** The first name of the client of each match, by match id (visits carry only the match). */
export function useClientNames(): Map<string, string> {
  const matches = useMyMatches().data ?? [];
  return new Map(matches.map((match) => [match.id, match.client.firstName]));
}

export function usePlanVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ matchId, ...body }: { matchId: string } & components['schemas']['PlanVisitDto']) =>
      unwrap(api.POST('/api/matches/{id}/visits', { params: { path: { id: matchId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitsKey }),
  });
}

/** Confirm, decline, complete (with a note) or cancel (with a reason) one visit. */
export function useVisitAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, text }: { id: string; action: VisitAction; text?: string }) => {
      const path = { path: { id } };
      const words = text?.trim() || undefined; // the API takes no empty note
      switch (action) {
        case 'confirm':
          return unwrap(api.POST('/api/visits/{id}/confirm', { params: path }));
        case 'decline':
          return unwrap(api.POST('/api/visits/{id}/decline', { params: path, body: { reason: words } }));
        case 'complete':
          return unwrap(api.POST('/api/visits/{id}/complete', { params: path, body: { note: words } }));
        case 'cancel':
          return unwrap(api.POST('/api/visits/{id}/cancel', { params: path, body: { reason: words } }));
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitsKey }),
  });
}
