import { countSlots, haversineKm, maskOfInterval, maskToSlots } from '@app/core';
import { Eligibility, EligibilityExplanation, MatchRequest, MatchVolunteer, RuleName, RuleOutcome } from './types';

const fmtKm = (km: number) => `${km.toFixed(1)} km`;
const AMSTERDAM = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Wed 2 Dec 06:00", in the time coordinators live in. */
function amsterdamText(instant: Date): string {
  const part = (type: string) => AMSTERDAM.formatToParts(instant).find((p) => p.type === type)?.value;
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('hour')}:${part('minute')}`;
}

/** Whether a credential of this type is valid on the day: issued on or before, expiring on or after. */
export function holdsValid(volunteer: MatchVolunteer, type: string, day: string): boolean {
  return volunteer.credentials.some((c) => c.type === type && c.issuedOn <= day && (c.expiresOn == null || c.expiresOn >= day));
}

const pass = (reason: string) => ({ passed: true, reason });
const fail = (reason: string) => ({ passed: false, reason });

/**
 * The hard rules in their fixed order, each with its outcome and a reason a coordinator can read.
 * Capacity: ongoing support counts the volunteer's places (active matches of ongoing support); a
 * vigil is a stretch of hours, so for a vigil it means not already booked during the window.
 */
const RULES: ReadonlyArray<[RuleName, (request: MatchRequest, volunteer: MatchVolunteer, distanceKm: number) => { passed: boolean; reason: string }]> = [
  ['status', (_, v) => (v.status === 'active' ? pass('Volunteer is active') : fail(`Volunteer is ${v.status}`))],
  ['kind', (r, v) => (v.kinds.includes(r.kind) ? pass(`Offers ${r.kind} support`) : fail(`Does not offer ${r.kind} support`))],
  [
    'credentials',
    (r, v) => {
      const required = [...new Set(['vog', ...r.requiredCredentials])];
      const missing = required.filter((type) => !holdsValid(v, type, r.startDate));
      return missing.length > 0 ? fail(`No valid ${missing.join(', ')} on ${r.startDate}`) : pass(`Valid ${required.join(', ')} on ${r.startDate}`);
    },
  ],
  [
    'capacity',
    (r, v) => {
      if (r.vigilWindow) {
        const { start, end } = r.vigilWindow;
        const clash = v.bookings.find((b) => b.startsAt < end && b.endsAt > start);
        return clash ? fail(`Already booked from ${amsterdamText(clash.startsAt)} to ${amsterdamText(clash.endsAt)}`) : pass('Not booked during the vigil');
      }
      const text = `${v.activeClients} of at most ${v.maxConcurrentClients} clients`;
      return v.activeClients >= v.maxConcurrentClients ? fail(`Already supports ${text}`) : pass(`Supports ${text}`);
    },
  ],
  [
    'distance',
    (r, v, distanceKm) => {
      const limit = Math.min(v.maxTravelKm, r.programmeMaxDistanceKm);
      return distanceKm > limit ? fail(`${fmtKm(distanceKm)} away; the limit is ${limit} km`) : pass(`${fmtKm(distanceKm)} away, within ${limit} km`);
    },
  ],
  [
    'availability',
    (r, v) => {
      if (r.vigilWindow) {
        const { start, end } = r.vigilWindow;
        const needed = maskOfInterval(start, end);
        if ((v.availabilityMask & needed) !== needed) {
          const missingSlots = maskToSlots(needed & ~v.availabilityMask).map((s) => `${s.day} ${s.part}`);
          return fail(`Not free during the whole vigil (not on ${missingSlots.join(', ')})`);
        }
        return v.unavailablePeriods.some((p) => p.startsAt < end && p.endsAt > start) ? fail('Away during the vigil') : pass('Free during the whole vigil');
      }
      if ((v.availabilityMask & r.desiredMask) === 0) return fail(countSlots(r.desiredMask) === 0 ? 'The request has no desired times' : 'Free at none of the desired times');
      return pass(`Free at ${countSlots(v.availabilityMask & r.desiredMask)} of ${countSlots(r.desiredMask)} desired times`);
    },
  ],
  [
    'language',
    (r, v) => {
      if (!r.requiredLanguage) return pass('No language required');
      return v.languages.includes(r.requiredLanguage) ? pass(`Speaks ${r.requiredLanguage}`) : fail(`Does not speak ${r.requiredLanguage}`);
    },
  ],
  ['excluded', (r, v) => (r.excludedVolunteerIds.has(v.id) ? fail('Declined this client before') : pass('Not excluded for this client'))],
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
