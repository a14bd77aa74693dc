import { countSlots, haversineKm, maskOfInterval, maskToSlots } from '@app/core';
import { Eligibility, MatchRequest, MatchVolunteer } from './types';

const fmtKm = (km: number) => `${km.toFixed(1)} km`;

/** Whether a credential of this type is valid on the day: issued on or before, expiring on or after. */
export function holdsValid(volunteer: MatchVolunteer, type: string, day: string): boolean {
  return volunteer.credentials.some((c) => c.type === type && c.issuedOn <= day && (c.expiresOn == null || c.expiresOn >= day));
}

/**
 * The hard rules, in a fixed order; the first that fails excludes the volunteer, with a reason a
 * coordinator can read. Pure: no I/O, no clock (the start date comes with the request).
 */
export function checkEligibility(request: MatchRequest, volunteer: MatchVolunteer): Eligibility {
  const distanceKm = haversineKm(request.location, volunteer.location);
  const fail = (rule: Exclude<Eligibility, { eligible: true }>['rule'], reason: string): Eligibility => ({ eligible: false, rule, reason, distanceKm });

  if (volunteer.status !== 'active') return fail('status', `Volunteer is ${volunteer.status}`);
  if (!volunteer.kinds.includes(request.kind)) return fail('kind', `Does not offer ${request.kind} support`);
  const required = [...new Set(['vog', ...request.requiredCredentials])];
  const missing = required.filter((type) => !holdsValid(volunteer, type, request.startDate));
  if (missing.length > 0) return fail('credentials', `No valid ${missing.join(', ')} on ${request.startDate}`);
  if (volunteer.activeClients >= volunteer.maxConcurrentClients) {
    return fail('capacity', `Already supports ${volunteer.activeClients} of at most ${volunteer.maxConcurrentClients} clients`);
  }
  const limit = Math.min(volunteer.maxTravelKm, request.programmeMaxDistanceKm);
  if (distanceKm > limit) return fail('distance', `${fmtKm(distanceKm)} away; the limit is ${limit} km`);
  if (request.vigilWindow) {
    const { start, end } = request.vigilWindow;
    const needed = maskOfInterval(start, end);
    if ((volunteer.availabilityMask & needed) !== needed) {
      const missingSlots = maskToSlots(needed & ~volunteer.availabilityMask).map((s) => `${s.day} ${s.part}`);
      return fail('availability', `Not free during the whole vigil (not on ${missingSlots.join(', ')})`);
    }
    if (volunteer.unavailablePeriods.some((p) => p.startsAt < end && p.endsAt > start)) return fail('availability', 'Away during the vigil');
  } else if ((volunteer.availabilityMask & request.desiredMask) === 0) {
    return fail('availability', countSlots(request.desiredMask) === 0 ? 'The request has no desired times' : 'Free at none of the desired times');
  }
  if (request.requiredLanguage && !volunteer.languages.includes(request.requiredLanguage)) {
    return fail('language', `Does not speak ${request.requiredLanguage}`);
  }
  if (request.excludedVolunteerIds.has(volunteer.id)) return fail('excluded', 'Declined this client before');
  return { eligible: true, distanceKm };
}
