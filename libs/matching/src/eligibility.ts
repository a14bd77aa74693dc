import { countSlots, haversineKm, maskOfInterval } from '@app/core';
import { Phrase, phrase } from '@app/i18n';
import { slotPhrases, vocabulary } from './phrases';
import { Eligibility, EligibilityExplanation, MatchRequest, MatchVolunteer, RuleName, RuleOutcome } from './types';

// A number, not text: the catalogue formats it in the reader's language ("0,4" in Dutch).
const km = (value: number) => Math.round(value * 10) / 10;
const rule = (key: string, params?: Parameters<typeof phrase>[1]) => phrase(`matching.rule.${key}`, params);

/** Whether a credential of this type is valid on the day: issued on or before, expiring on or after. */
export function holdsValid(volunteer: MatchVolunteer, type: string, day: string): boolean {
  return volunteer.credentials.some((c) => c.type === type && c.issuedOn <= day && (c.expiresOn == null || c.expiresOn >= day));
}

const pass = (reason: Phrase) => ({ passed: true, reason });
const fail = (reason: Phrase) => ({ passed: false, reason });

/**
 * The hard rules in their fixed order, each with its outcome and a reason a coordinator can read.
 * Capacity: ongoing support counts the volunteer's places (active matches of ongoing support); a
 * vigil is a stretch of hours, so for a vigil it means not already booked during the window.
 */
const RULES: ReadonlyArray<[RuleName, (request: MatchRequest, volunteer: MatchVolunteer, distanceKm: number) => { passed: boolean; reason: Phrase }]> = [
  ['status', (_, v) => (v.status === 'active' ? pass(rule('statusOk')) : fail(rule('statusNot', { status: vocabulary('volunteerStatus', v.status) })))],
  ['kind', (r, v) => (v.kinds.includes(r.kind) ? pass(rule('kindOk', { kind: vocabulary('kind', r.kind) })) : fail(rule('kindNot', { kind: vocabulary('kind', r.kind) })))],
  [
    'credentials',
    (r, v) => {
      const required = [...new Set(['vog', ...r.requiredCredentials])];
      const missing = required.filter((type) => !holdsValid(v, type, r.startDate));
      const credentials = (types: string[]) => types.map((type) => vocabulary('credential', type));
      return missing.length > 0
        ? fail(rule('credentialsMissing', { credentials: credentials(missing), date: r.startDate }))
        : pass(rule('credentialsOk', { credentials: credentials(required), date: r.startDate }));
    },
  ],
  [
    'capacity',
    (r, v) => {
      if (r.vigilWindow) {
        const { start, end } = r.vigilWindow;
        const clash = v.bookings.find((b) => b.startsAt < end && b.endsAt > start);
        return clash
          ? fail(rule('bookedDuringVigil', { from: clash.startsAt.toISOString(), to: clash.endsAt.toISOString() }))
          : pass(rule('freeDuringVigilBooking'));
      }
      const load = { active: v.activeClients, max: v.maxConcurrentClients };
      return v.activeClients >= v.maxConcurrentClients ? fail(rule('capacityFull', load)) : pass(rule('capacityOk', load));
    },
  ],
  [
    'distance',
    (r, v, distanceKm) => {
      const limit = Math.min(v.maxTravelKm, r.programmeMaxDistanceKm);
      return distanceKm > limit ? fail(rule('tooFar', { km: km(distanceKm), limit })) : pass(rule('withinReach', { km: km(distanceKm), limit }));
    },
  ],
  [
    'availability',
    (r, v) => {
      if (r.vigilWindow) {
        const { start, end } = r.vigilWindow;
        const needed = maskOfInterval(start, end);
        if ((v.availabilityMask & needed) !== needed) return fail(rule('notFreeWholeVigil', { slots: slotPhrases(needed & ~v.availabilityMask) }));
        return v.unavailablePeriods.some((p) => p.startsAt < end && p.endsAt > start) ? fail(rule('awayDuringVigil')) : pass(rule('freeWholeVigil'));
      }
      if ((v.availabilityMask & r.desiredMask) === 0) return fail(rule(countSlots(r.desiredMask) === 0 ? 'noDesiredTimes' : 'freeAtNone'));
      return pass(rule('freeAtSome', { covered: countSlots(v.availabilityMask & r.desiredMask), desired: countSlots(r.desiredMask) }));
    },
  ],
  [
    'language',
    (r, v) => {
      if (!r.requiredLanguage) return pass(rule('noLanguageRequired'));
      const language = { language: r.requiredLanguage };
      return v.languages.includes(r.requiredLanguage) ? pass(rule('speaks', language)) : fail(rule('doesNotSpeak', language));
    },
  ],
  ['excluded', (r, v) => (r.excludedVolunteerIds.has(v.id) ? fail(rule('declinedBefore')) : pass(rule('notExcluded')))],
];

/**
 * The hard rules, in a fixed order; the first that fails excludes the volunteer, with a reason a
 * coordinator can read. Pure: no I/O, no clock (the start date comes with the request).
 */
export function checkEligibility(request: MatchRequest, volunteer: MatchVolunteer): Eligibility {
  const distanceKm = haversineKm(request.location, volunteer.location);
  for (const [rule, check] of RULES) {
    const outcome = check(request, volunteer, distanceKm);
    if (!outcome.passed) return { eligible: false, rule, reason: outcome.reason, distanceKm };
  }
  return { eligible: true, distanceKm };
}

/** Every hard rule's outcome for one volunteer, not only the first failure: "why is this volunteer (not) a candidate?". */
export function explainEligibility(request: MatchRequest, volunteer: MatchVolunteer): EligibilityExplanation {
  const distanceKm = haversineKm(request.location, volunteer.location);
  const rules: RuleOutcome[] = RULES.map(([rule, check]) => ({ rule, ...check(request, volunteer, distanceKm) }));
  return { distanceKm, rules };
}
