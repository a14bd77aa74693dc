import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type FollowUp = components['schemas']['FollowUpDto'];
export type Outcome = components['schemas']['CompleteFollowUpDto']['outcome'];
export const OUTCOMES: Outcome[] = ['going_well', 'needs_attention', 'end_advised', 'not_reached'];

const DAY = 86_400_000;
/** How far ahead the list looks: what is due soon, not the whole year's plan. */
export const AHEAD_DAYS = 14;

export const followUpsKey = ['follow-ups'] as const;

/** The coordinator's own open follow-ups due within AHEAD_DAYS (overdue ones included), earliest first as the API sorts them. */
export function useMyFollowUps(coordinatorId: string) {
  return useQuery({
    queryKey: [...followUpsKey, 'mine', coordinatorId],
    queryFn: () => {
      const query = { status: ['open'] as FollowUp['status'][], coordinatorId, dueBefore: new Date(Date.now() + AHEAD_DAYS * DAY).toISOString(), pageSize: 100 };
      return unwrap(api.GET('/api/follow-ups', { params: { query } }));
    },
  });
}

/** "Marieke and Wilhelmina": the volunteer's and client's first names of each match, by match id (a follow-up carries only ids). */
export function useMatchNames(matchIds: string[]): Map<string, { volunteer: string; client: string }> {
  const unique = [...new Set(matchIds)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['matches', 'one', id],
      queryFn: () => unwrap(api.GET('/api/matches/{id}', { params: { path: { id } } })),
    })),
  });
  const names = new Map<string, { volunteer: string; client: string }>();
  results.forEach(({ data }) => {
    if (data) names.set(data.id, { volunteer: data.volunteer?.firstName ?? '', client: data.client.firstName });
  });
  return names;
}

export function useCompleteFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, outcome, notes }: { id: string; outcome: Outcome; notes: string }) =>
      // The API takes no empty notes.
      unwrap(api.POST('/api/follow-ups/{id}/complete', { params: { path: { id } }, body: { outcome, notes: notes.trim() || undefined } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followUpsKey }),
  });
}

export function useSnoozeFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, until }: { id: string; until: string }) => unwrap(api.POST('/api/follow-ups/{id}/snooze', { params: { path: { id } }, body: { until } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followUpsKey }),
  });
}
