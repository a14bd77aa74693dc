import { QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { activeMatchesQuery, proposedMatchesQuery } from '../match/queries';
import { openOffersQuery } from '../offer/queries';
import { api, unwrap } from '../../shared/api/client';

/** How many coming visits Today shows; the rest are on /visits. */
export const NEXT_VISITS = 3;

/** My next planned or confirmed visits, earliest first. */
export const nextVisitsQuery = queryOptions({
  queryKey: ['me', 'visits', 'next', NEXT_VISITS],
  queryFn: () => unwrap(api.GET('/api/me/visits', { params: { query: { status: ['planned', 'confirmed'], pageSize: NEXT_VISITS } } })),
});

export function useNextVisits() {
  return useQuery(nextVisitsQuery);
}

/**
 * Today's data, asked for as soon as the session is there, beside /api/me instead of after it: on a
 * phone on 3G each round trip saved is half a second before the volunteer can accept a vigil.
 */
export function prefetchToday(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(openOffersQuery);
  void queryClient.prefetchQuery(proposedMatchesQuery);
  void queryClient.prefetchQuery(activeMatchesQuery);
  void queryClient.prefetchQuery(nextVisitsQuery);
}
