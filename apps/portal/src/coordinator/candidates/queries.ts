import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type Candidate = components['schemas']['CandidateDto'];
export type Excluded = components['schemas']['ExcludedVolunteerDto'];
export type ScoreComponent = components['schemas']['ScoreComponentDto'];
export type Explanation = components['schemas']['VolunteerExplanationDto'];
export type Proposal = components['schemas']['MatchViewDto'];

const candidatesKey = (requestId: string) => ['requests', requestId, 'candidates'] as const;

/** The ranked candidates, and for volunteers nearby the rule that excluded them. */
export function useCandidates(requestId: string) {
  return useQuery({
    queryKey: candidatesKey(requestId),
    queryFn: () => unwrap(api.GET('/api/requests/{id}/candidates', { params: { path: { id: requestId }, query: { explain: 'excluded' } } })),
  });
}

/**
 * The request's proposals and their answers. A volunteer's answer sends the coordinator no notification
 * (so nothing on the live stream): while one waits for an answer, it is asked again every 10 seconds.
 */
export function useProposals(requestId: string) {
  return useQuery({
    queryKey: ['matches', 'list', 'request', requestId],
    queryFn: () => unwrap(api.GET('/api/matches', { params: { query: { requestId, pageSize: 100 } } })),
    refetchInterval: (query) => (query.state.data?.items.some((proposal) => proposal.status === 'proposed') ? 10_000 : false),
  });
}

/** Volunteers whose name contains `q`, to ask why one is (not) a candidate. */
export function useVolunteerSearch(q: string) {
  return useQuery({
    queryKey: ['volunteers', 'search', q],
    queryFn: () => unwrap(api.GET('/api/volunteers', { params: { query: { q, pageSize: 10 } } })),
    enabled: q.length > 0,
  });
}

export function useExplanation(requestId: string, volunteerId: string | null) {
  return useQuery({
    queryKey: [...candidatesKey(requestId), 'explain', volunteerId],
    queryFn: () => unwrap(api.GET('/api/requests/{id}/candidates/{volunteerId}', { params: { path: { id: requestId, volunteerId: volunteerId as string } } })),
    enabled: Boolean(volunteerId),
  });
}

export interface ProposeOutcome {
  volunteerId: string;
  error?: unknown;
}

/**
 * Proposes each chosen volunteer in turn (the API checks the rules again for each); one refusal does not
 * stop the others, and every outcome is reported.
 */
export function usePropose(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (volunteerIds: string[]): Promise<ProposeOutcome[]> => {
      const outcomes: ProposeOutcome[] = [];
      for (const volunteerId of volunteerIds) {
        try {
          await unwrap(api.POST('/api/requests/{id}/matches', { params: { path: { id: requestId } }, body: { volunteerId } }));
          outcomes.push({ volunteerId });
        } catch (error) {
          outcomes.push({ volunteerId, error });
        }
      }
      return outcomes;
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['matches'] });
      void queryClient.invalidateQueries({ queryKey: ['requests', requestId] });
    },
  });
}
