import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type RequestDetail = components['schemas']['RequestDto'];
export type FeedbackMessage = components['schemas']['FeedbackMessageDto'];
export type InfoExchange = components['schemas']['InfoExchangeDto'];
export type TriageDecision = components['schemas']['TriageDto']['decision'];

export function useRequest(id: string) {
  return useQuery({ queryKey: ['requests', id], queryFn: () => unwrap(api.GET('/api/requests/{id}', { params: { path: { id } } })) });
}

export function useInfoExchanges(id: string) {
  return useQuery({ queryKey: ['requests', id, 'info'], queryFn: () => unwrap(api.GET('/api/requests/{id}/info', { params: { path: { id } } })) });
}

export function useFeedback(id: string) {
  return useQuery({ queryKey: ['requests', id, 'feedback'], queryFn: () => unwrap(api.GET('/api/requests/{id}/feedback', { params: { path: { id } } })) });
}

export function useProgramme(id: string) {
  return useQuery({ queryKey: ['programmes', id], queryFn: () => unwrap(api.GET('/api/programmes/{id}', { params: { path: { id } } })), staleTime: 5 * 60_000 });
}

/** A triage changes the request, its history and the list: all of them are fetched again. */
export function useTriage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: TriageDecision; reason?: string }) => unwrap(api.POST('/api/requests/{id}/triage', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['requests'] }),
  });
}

export function useRetryFeedback(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => unwrap(api.POST('/api/feedback/{id}/retry', { params: { path: { id: messageId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['requests', requestId, 'feedback'] }),
  });
}
