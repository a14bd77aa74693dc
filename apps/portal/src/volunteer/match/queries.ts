import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type Match = components['schemas']['MatchViewDto'];
export type ClientView = components['schemas']['VolunteerClientViewDto'];
export type DeclineReason = components['schemas']['DeclineMatchDto']['reason'];
export type Visit = components['schemas']['VisitDto'];

/** The reasons the API takes, in the order the volunteer sees them. */
export const DECLINE_REASONS: DeclineReason[] = ['no_time', 'too_far', 'not_a_good_fit', 'personal_circumstances', 'other'];

export const matchKey = (id: string) => ['matches', id] as const;

/** A volunteer only ever gets the client view; a coordinator's names-only view never reaches these screens. */
export function clientOf(match: Match): ClientView {
  return match.client as ClientView;
}

export function useMatch(id: string | null | undefined) {
  return useQuery({ queryKey: matchKey(id ?? ''), queryFn: () => unwrap(api.GET('/api/matches/{id}', { params: { path: { id: id as string } } })), enabled: Boolean(id) });
}

export function useMatchVisits(id: string | null | undefined) {
  return useQuery({
    queryKey: [...matchKey(id ?? ''), 'visits'],
    queryFn: () => unwrap(api.GET('/api/matches/{id}/visits', { params: { path: { id: id as string }, query: { pageSize: 100 } } })),
    enabled: Boolean(id),
  });
}

/** Proposals waiting for my answer. */
export const proposedMatchesQuery = queryOptions({
  queryKey: ['matches', 'list', 'proposed'],
  queryFn: () => unwrap(api.GET('/api/matches', { params: { query: { status: ['proposed'], pageSize: 100 } } })),
});

export function useProposedMatches() {
  return useQuery(proposedMatchesQuery);
}

/** My active matches: their clients' first names go with my visits. */
export const activeMatchesQuery = queryOptions({
  queryKey: ['matches', 'list', 'active'],
  queryFn: () => unwrap(api.GET('/api/matches', { params: { query: { status: ['active'], pageSize: 100 } } })),
});

export function useActiveMatches() {
  return useQuery(activeMatchesQuery);
}

/** Accept or decline: the answer is the match as it now is (with address and phone once active). */
export function useAnswerMatch(id: string) {
  const queryClient = useQueryClient();
  const settle = (match: Match) => {
    queryClient.setQueryData(matchKey(id), match);
    void queryClient.invalidateQueries({ queryKey: ['matches', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['me', 'visits'] });
  };
  const accept = useMutation({ mutationFn: () => unwrap(api.POST('/api/matches/{id}/accept', { params: { path: { id } } })), onSuccess: settle });
  const decline = useMutation({
    mutationFn: (body: { reason: DeclineReason; note?: string }) => unwrap(api.POST('/api/matches/{id}/decline', { params: { path: { id } }, body })),
    onSuccess: settle,
  });
  return { accept, decline };
}
