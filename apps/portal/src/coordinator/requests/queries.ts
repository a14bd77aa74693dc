import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type RequestItem = components['schemas']['RequestDto'];
export type RequestStatus = RequestItem['status'];
export type ProgrammeKind = RequestItem['kind'];

export const REQUEST_STATUSES: RequestStatus[] = ['submitted', 'needs_info', 'triaged', 'rejected', 'proposed', 'matched', 'closed', 'cancelled'];
export const PROGRAMME_KINDS: ProgrammeKind[] = ['buddy', 'navigator', 'peer', 'vigil', 'practical'];
export const PAGE_SIZE = 25;

/** What the list's URL holds; only the filters the API offers (it sorts newest first itself). */
export interface RequestFilters {
  status?: RequestStatus;
  kind?: ProgrammeKind;
  programmeId?: string;
  page: number;
}

export function useRequests(filters: RequestFilters) {
  return useQuery({
    queryKey: ['requests', 'list', filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/requests', {
          params: { query: { status: filters.status ? [filters.status] : undefined, kind: filters.kind, programmeId: filters.programmeId, page: filters.page, pageSize: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData, // the table stays while the next page loads
  });
}

export function useProgrammes() {
  return useQuery({
    queryKey: ['programmes', 'all'],
    queryFn: () => unwrap(api.GET('/api/programmes', { params: { query: { pageSize: 100 } } })),
    staleTime: 5 * 60_000,
  });
}
