import type { CredentialType, ProgrammeKind } from '@app/core';
import type { FollowUpSchedule, ScoringWeights } from './programme.entity';

export interface ProgrammeSettings {
  requiredCredentials: CredentialType[];
  maxMatchMonths: number | null;
  maxDistanceKm: number;
  scoringWeights: ScoringWeights;
  followUpSchedule: FollowUpSchedule;
  vigilWaveSize: number | null;
  vigilWaveIntervalMinutes: number | null;
  vigilEscalationMinutes: number | null;
  maxVigilHours: number | null;
  progressFeedbackMonths: number | null;
  noMatchFeedbackDays: number;
}

const FOLLOW_UPS: FollowUpSchedule = { firstContactDays: 7, evaluationWeeks: 6, thenEveryMonths: 3, durationReviewWeeksBefore: 4 };
const NO_VIGIL = { vigilWaveSize: null, vigilWaveIntervalMinutes: null, vigilEscalationMinutes: null, maxVigilHours: null };
/** Monthly progress to the referrer; tell them after two weeks without a match. */
const FEEDBACK = { progressFeedbackMonths: 1, noMatchFeedbackDays: 14 };

/**
 * What a new programme of each kind starts with (source: the programmes in appendix 2b of the
 * SocialPal inventory). Every value can be changed per programme.
 */
export const PROGRAMME_DEFAULTS: Record<ProgrammeKind, ProgrammeSettings> = {
  // Weekly social-emotional visits for at most about a year (Kuria).
  buddy: {
    requiredCredentials: ['vog', 'basic_training'],
    maxMatchMonths: 12,
    maxDistanceKm: 15,
    scoringWeights: { diagnosis: 15, age: 15, distance: 25, availability: 25, load: 10, continuity: 10 },
    followUpSchedule: FOLLOW_UPS,
    ...NO_VIGIL,
    ...FEEDBACK,
  },
  // Proactive guides (EU-NAVIGATE, Nav-CARE): extra training required.
  navigator: {
    requiredCredentials: ['vog', 'basic_training', 'navigator_training'],
    maxMatchMonths: 12,
    maxDistanceKm: 20,
    scoringWeights: { diagnosis: 10, age: 10, distance: 30, availability: 30, load: 10, continuity: 10 },
    followUpSchedule: FOLLOW_UPS,
    ...NO_VIGIL,
    ...FEEDBACK,
  },
  // Someone who lived through the same diagnosis (Buddyhuis): the diagnosis counts most.
  peer: {
    requiredCredentials: ['vog', 'basic_training', 'peer_training'],
    maxMatchMonths: 12,
    maxDistanceKm: 30,
    scoringWeights: { diagnosis: 40, age: 20, distance: 10, availability: 15, load: 10, continuity: 5 },
    followUpSchedule: FOLLOW_UPS,
    ...NO_VIGIL,
    ...FEEDBACK,
  },
  // Sitting with a dying person (VPTZ, waakmaatjes): hours count, so distance and availability.
  vigil: {
    requiredCredentials: ['vog', 'vigil_training'],
    maxMatchMonths: null,
    maxDistanceKm: 25,
    scoringWeights: { diagnosis: 5, age: 5, distance: 35, availability: 35, load: 10, continuity: 10 },
    followUpSchedule: { firstContactDays: 1, evaluationWeeks: 1, thenEveryMonths: 3, durationReviewWeeksBefore: 0 },
    vigilWaveSize: 5,
    vigilWaveIntervalMinutes: 30,
    vigilEscalationMinutes: 120,
    // Three nights and days; a longer watch is planned as a new request.
    maxVigilHours: 72,
    // A vigil is a night or a few: no monthly progress; unmatched is news within a day.
    progressFeedbackMonths: null,
    noMatchFeedbackDays: 1,
  },
  // Good neighbours (Burennetwerk): groceries, transport, company, close by.
  practical: {
    requiredCredentials: ['vog'],
    maxMatchMonths: 12,
    maxDistanceKm: 5,
    scoringWeights: { diagnosis: 0, age: 5, distance: 45, availability: 35, load: 10, continuity: 5 },
    followUpSchedule: FOLLOW_UPS,
    ...NO_VIGIL,
    ...FEEDBACK,
  },
};
