import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type Volunteer = components['schemas']['VolunteerDto'];
export type Slot = components['schemas']['SlotDto'];
export type Period = components['schemas']['UnavailablePeriodDto'];
type VolunteerPatch = components['schemas']['UpdateVolunteerDto'];

export const volunteerKey = (id: string) => ['volunteers', id] as const;

/** The volunteer's own profile (the API lets a volunteer read only their own). */
export function useVolunteer(id: string) {
  return useQuery({ queryKey: volunteerKey(id), queryFn: () => unwrap(api.GET('/api/volunteers/{id}', { params: { path: { id } } })) });
}

/** Replaces the weekly availability; the answer is the whole profile, so the cache takes it as is. */
export function useSaveAvailability(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slots: Slot[]) => unwrap(api.PUT('/api/volunteers/{id}/availability', { params: { path: { id } }, body: { slots } })),
    onSuccess: (volunteer) => queryClient.setQueryData(volunteerKey(id), volunteer),
  });
}

/** Changes what a volunteer may change of their own profile (absences, travel distance, …). */
export function useUpdateVolunteer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: VolunteerPatch) => unwrap(api.PATCH('/api/volunteers/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: (volunteer) => queryClient.setQueryData(volunteerKey(id), volunteer),
  });
}
