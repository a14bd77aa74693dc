import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';

/** How many coming visits Today shows; the rest are on /visits. */
export const NEXT_VISITS = 3;

/** My next planned or confirmed visits, earliest first. */
export function useNextVisits() {
  return useQuery({
    queryKey: ['me', 'visits', 'next', NEXT_VISITS],
    queryFn: () => unwrap(api.GET('/api/me/visits', { params: { query: { status: ['planned', 'confirmed'], pageSize: NEXT_VISITS } } })),
  });
}
