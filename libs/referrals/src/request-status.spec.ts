import { AppError, REQUEST_STATUSES, RequestStatus } from '@app/core';
import { I18nService } from '@app/i18n';
import { assertTransition, canTransition, OPEN_STATUSES } from './request-status';

describe('The request status machine', () => {
  it.each([
    ['submitted', 'triaged'],
    ['submitted', 'needs_info'],
    ['submitted', 'rejected'],
    ['needs_info', 'submitted'],
    ['needs_info', 'triaged'],
    ['triaged', 'proposed'],
    ['triaged', 'matched'], // a vigil offer accepted
    ['proposed', 'matched'],
    ['proposed', 'triaged'],
    ['matched', 'closed'],
  ] as const)('allows %s → %s', (from, to) => expect(canTransition(from, to)).toBe(true));

  it('allows cancelling from every open state and from no final one', () => {
    for (const status of REQUEST_STATUSES) expect(canTransition(status, 'cancelled')).toBe(OPEN_STATUSES.includes(status));
  });

  it.each([
    ['submitted', 'matched'],
    ['submitted', 'closed'],
    ['triaged', 'closed'],
    ['closed', 'submitted'],
    ['rejected', 'triaged'],
    ['cancelled', 'submitted'],
  ] as const)('refuses %s → %s with 409 illegal_transition', (from, to) => {
    expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({ code: 'illegal_transition' }));
  });

  it('says which states are allowed next', () => {
    const message = (from: RequestStatus, to: RequestStatus) => {
      try {
        assertTransition(from, to);
      } catch (error) {
        return new I18nService().render('en', (error as AppError).text);
      }
    };
    expect(message('triaged', 'closed')).toBe('A request that is triaged cannot become closed (it can become: proposed, matched, waiting for information, cancelled)');
    expect(message('closed', 'triaged')).toContain('(it is final)');
  });
});
