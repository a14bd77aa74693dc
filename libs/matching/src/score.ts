import { countSlots } from '@app/core';
import { phrase } from '@app/i18n';
import { slotPhrases, vocabulary } from './phrases';
import { MatchRequest, MatchVolunteer, Score, ScoreComponent } from './types';

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const why = (key: string, params?: Parameters<typeof phrase>[1]) => phrase(`matching.score.${key}`, params);

/**
 * Each component yields a fraction 0–1 and a reason; the score is the weighted sum over the
 * programme's weights, normalised to 0–100. Only eligible volunteers are scored.
 */
export function scoreVolunteer(request: MatchRequest, volunteer: MatchVolunteer, distanceKm: number): Score {
  const w = request.weights;
  const parts: Array<Omit<ScoreComponent, 'points'> & { fraction: number }> = [];

  // Diagnosis: peers must share it; others gain from experience with it.
  if (request.kind === 'peer') {
    const same = volunteer.livedExperienceDiagnoses.includes(request.diagnosisGroup);
    parts.push({ name: 'diagnosis', weight: w.diagnosis, fraction: same ? 1 : 0, reason: same ? why('sameDiagnosis', { diagnosis: vocabulary('diagnosis', request.diagnosisGroup) }) : why('otherDiagnosis') });
  } else {
    const knows = volunteer.experienceDiagnoses.includes(request.diagnosisGroup) || volunteer.livedExperienceDiagnoses.includes(request.diagnosisGroup);
    parts.push({ name: 'diagnosis', weight: w.diagnosis, fraction: knows ? 1 : 0, reason: knows ? why('experienceWith', { diagnosis: vocabulary('diagnosis', request.diagnosisGroup) }) : why('noExperience') });
  }

  // Age: inside the volunteer's preferred range counts fully; otherwise closeness of age.
  const { preferredClientAgeMin: min, preferredClientAgeMax: max } = volunteer;
  if (min != null || max != null) {
    const inside = (min == null || request.clientAge >= min) && (max == null || request.clientAge <= max);
    parts.push({ name: 'age', weight: w.age, fraction: inside ? 1 : 0, reason: why(inside ? 'ageInRange' : 'ageOutOfRange', { age: request.clientAge }) });
  } else {
    const gap = Math.abs(request.clientAge - volunteer.age);
    parts.push({ name: 'age', weight: w.age, fraction: clamp01(1 - gap / 50), reason: why('ageGap', { gap }) });
  }

  // Distance: full points on the spot, falling linearly to zero at the limit.
  const limit = Math.min(volunteer.maxTravelKm, request.programmeMaxDistanceKm);
  parts.push({ name: 'distance', weight: w.distance, fraction: limit > 0 ? clamp01(1 - distanceKm / limit) : 1, reason: why('distance', { km: Math.round(distanceKm * 10) / 10 }) });

  // Availability: share of the desired slots covered (a vigil that passed the rule is fully covered).
  if (request.vigilWindow) {
    parts.push({ name: 'availability', weight: w.availability, fraction: 1, reason: why('freeWholeVigil') });
  } else {
    const covered = volunteer.availabilityMask & request.desiredMask;
    const share = countSlots(request.desiredMask) > 0 ? countSlots(covered) / countSlots(request.desiredMask) : 0;
    parts.push({ name: 'availability', weight: w.availability, fraction: share, reason: covered === 0 ? why('freeOnNone') : why('freeOn', { slots: slotPhrases(covered, 3) }) });
  }

  // Load: fewer current clients ranks higher, spreading the work.
  const free = volunteer.maxConcurrentClients - volunteer.activeClients;
  parts.push({
    name: 'load',
    weight: w.load,
    fraction: volunteer.maxConcurrentClients > 0 ? clamp01(free / volunteer.maxConcurrentClients) : 0,
    reason: volunteer.activeClients === 0 ? why('noClients') : why('clients', { count: volunteer.activeClients }),
  });

  // Continuity: knew this client or household before.
  const knew = request.previousVolunteerIds.has(volunteer.id);
  parts.push({ name: 'continuity', weight: w.continuity, fraction: knew ? 1 : 0, reason: why(knew ? 'knewClient' : 'newToClient') });

  const totalWeight = parts.reduce((sum, p) => sum + p.weight, 0) || 1;
  const components = parts.map(({ fraction, ...p }) => ({ ...p, points: Math.round(fraction * p.weight * 10) / 10 }));
  const total = Math.round((parts.reduce((sum, p) => sum + p.fraction * p.weight, 0) / totalWeight) * 1000) / 10;
  return { total, components };
}
