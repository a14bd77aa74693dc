/** Why a volunteer says no to a proposal: a short list, so coordinators can see patterns; free text goes in the note. */
export const DECLINE_REASONS = ['no_time', 'too_far', 'not_a_good_fit', 'personal_circumstances', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Why an active match ends. */
export const END_REASONS = ['goal_reached', 'client_moved', 'client_died', 'volunteer_stopped', 'vigil_ended', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** The end reason in plain words, for the closed request (and, later, the referrer's feedback). */
export const END_REASON_WORDS: Record<EndReason, string> = {
  goal_reached: 'The support reached its goal',
  client_moved: 'The client moved',
  client_died: 'The client died',
  volunteer_stopped: 'The volunteer stopped',
  vigil_ended: 'The vigil ended',
  other: 'Ended for another reason',
};
