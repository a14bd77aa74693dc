import { slotsToMask } from '@app/core';
import { MatchRequest, MatchVolunteer } from './types';

/** A buddy request in Utrecht for Tuesday afternoons, starting 4 January 2027. */
export function aRequest(overrides: Partial<MatchRequest> = {}): MatchRequest {
  return {
    id: 'request-1',
    clientId: 'client-1',
    kind: 'buddy',
    requiredCredentials: ['vog', 'basic_training'],
    programmeMaxDistanceKm: 15,
    weights: { diagnosis: 15, age: 15, distance: 25, availability: 25, load: 10, continuity: 10 },
    startDate: '2027-01-04',
    location: { lat: 52.0907, lon: 5.1214 },
    desiredMask: slotsToMask([{ day: 'tue', part: 'afternoon' }]),
    vigilWindow: null,
    clientAge: 81,
    diagnosisGroup: 'cancer_breast',
    requiredLanguage: null,
    excludedVolunteerIds: new Set(),
    previousVolunteerIds: new Set(),
    ...overrides,
  };
}

/** An active buddy next door, free on Tuesday and Thursday afternoons, with a valid VOG and training. */
export function aVolunteer(overrides: Partial<MatchVolunteer> = {}): MatchVolunteer {
  return {
    id: 'volunteer-1',
    status: 'active',
    kinds: ['buddy'],
    credentials: [
      { type: 'vog', issuedOn: '2025-01-01', expiresOn: '2028-01-01' },
      { type: 'basic_training', issuedOn: '2024-06-01', expiresOn: null },
    ],
    activeClients: 0,
    maxConcurrentClients: 2,
    location: { lat: 52.0907, lon: 5.1214 },
    maxTravelKm: 10,
    availabilityMask: slotsToMask([
      { day: 'tue', part: 'afternoon' },
      { day: 'thu', part: 'afternoon' },
    ]),
    unavailablePeriods: [],
    bookings: [],
    languages: ['nl'],
    age: 64,
    livedExperienceDiagnoses: [],
    experienceDiagnoses: [],
    preferredClientAgeMin: null,
    preferredClientAgeMax: null,
    ...overrides,
  };
}

/** A point `km` due north of a location, on the same sphere as haversineKm. */
export function north(of: { lat: number; lon: number }, km: number) {
  return { lat: of.lat + (km / 6371.0088) * (180 / Math.PI), lon: of.lon };
}
