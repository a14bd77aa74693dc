import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type Offer = components['schemas']['OfferDto'];

export const offerKey = (id: string) => ['offers', id] as const;

/** The API's 409 codes for an offer that can no longer be taken; any of them ends in the "taken" page. */
const CLOSED_CODES = ['offer_taken', 'offer_withdrawn', 'offer_expired'];

export function isOfferClosed(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && CLOSED_CODES.includes(error.code);
}

/** Why an accept found the offer closed, carried in the router state from Today to the offer page. */
export interface ClosedOutcome {
  code: string;
  message: string;
}

export const closedOutcome = (error: ApiError): ClosedOutcome => ({ code: error.code, message: error.message });

export function useOffer(id: string) {
  return useQuery({ queryKey: offerKey(id), queryFn: () => unwrap(api.GET('/api/offers/{id}', { params: { path: { id } } })) });
}

/** My open vigil offers, newest first. */
export const openOffersQuery = queryOptions({
  queryKey: ['offers', 'list', 'open'],
  queryFn: () => unwrap(api.GET('/api/offers', { params: { query: { status: ['sent'], pageSize: 100 } } })),
});

export function useOpenOffers() {
  return useQuery(openOffersQuery);
}

export function useAnswerOffer() {
  const queryClient = useQueryClient();
  const settle = (offer: Offer) => {
    queryClient.setQueryData(offerKey(offer.id), offer);
    void queryClient.invalidateQueries({ queryKey: ['offers', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['me', 'visits'] });
    void queryClient.invalidateQueries({ queryKey: ['matches'] });
  };
  const accept = useMutation({ mutationFn: (id: string) => unwrap(api.POST('/api/offers/{id}/accept', { params: { path: { id } } })), onSuccess: settle });
  const decline = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) => unwrap(api.POST('/api/offers/{id}/decline', { params: { path: { id } }, body: reason ? { reason } : {} })),
    onSuccess: settle,
  });
  return { accept, decline };
}
