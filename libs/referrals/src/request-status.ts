import { ConflictError, RequestStatus } from '@app/core';
import { phrase } from '@app/i18n';

/**
 * The request status machine of DESIGN.md, in one place:
 * submitted → triaged (or needs_info, rejected) → proposed → matched → closed; cancelled from any open state.
 * needs_info goes back to submitted when the referrer supplies what was asked; a withdrawn or declined
 * proposal goes back to triaged; a vigil goes from triaged straight to matched when a volunteer accepts
 * an offer.
 */
const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  submitted: ['triaged', 'needs_info', 'rejected', 'cancelled'],
  needs_info: ['submitted', 'triaged', 'rejected', 'cancelled'],
  triaged: ['proposed', 'matched', 'needs_info', 'cancelled'],
  proposed: ['matched', 'triaged', 'cancelled'],
  matched: ['closed', 'cancelled'],
  rejected: [],
  closed: [],
  cancelled: [],
};

export const OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'needs_info', 'triaged', 'proposed', 'matched'];

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

const status = (value: RequestStatus) => phrase(`vocabulary.requestStatus.${value}`);

/** Throws 409 `illegal_transition` naming the allowed next states. */
export function assertTransition(from: RequestStatus, to: RequestStatus): void {
  if (!canTransition(from, to)) {
    const allowed = TRANSITIONS[from];
    throw new ConflictError(
      'illegal_transition',
      allowed.length
        ? phrase('errors.illegal_transition', { from: status(from), to: status(to), allowed: allowed.map(status) })
        : phrase('errors.illegal_transition_final', { from: status(from), to: status(to) }),
      { from, to, allowed },
    );
  }
}

/** The timestamp column a status sets when it is entered. */
export function timestampFor(status: RequestStatus): 'submittedAt' | 'triagedAt' | 'proposedAt' | 'matchedAt' | 'closedAt' | 'endedAt' | null {
  switch (status) {
    case 'submitted':
      return 'submittedAt';
    case 'triaged':
      return 'triagedAt';
    case 'proposed':
      return 'proposedAt';
    case 'matched':
      return 'matchedAt';
    case 'closed':
      return 'closedAt';
    case 'rejected':
    case 'cancelled':
      return 'endedAt';
    case 'needs_info':
      return null;
  }
}
