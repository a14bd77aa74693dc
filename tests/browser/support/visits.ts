import { api, Given, ok, Schemas, Volunteer } from './api';

/** For the visits screens: matches that run, visits planned through the API, the volunteer's language. */

function tokenOf(volunteer: Volunteer): string {
  if (!volunteer.user) throw new Error('the volunteer has no login (given.volunteer({ login: true }))');
  return volunteer.user.token;
}

/**
 * An active match of `volunteer` with a new client (Wilhelmina, Utrecht): a request the coordinator
 * triages and proposes the volunteer for, and the volunteer accepts.
 */
export async function activeMatch(given: Given, volunteer: Volunteer): Promise<Schemas['MatchViewDto']> {
  const request = await given.request();
  await given.triage(request.id);
  const proposal = await given.propose(request.id, volunteer.id);
  return ok(api(tokenOf(volunteer)).POST('/api/matches/{id}/accept', { params: { path: { id: proposal.id } } }), 'accepting the proposal');
}

/** A visit planned by the file's coordinator: planned, for the volunteer to confirm. */
export async function visitPlannedByCoordinator(given: Given, matchId: string, startsAt: Date, endsAt: Date): Promise<Schemas['VisitDto']> {
  const coordinator = await given.coordinator();
  const body = { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
  return ok(api(coordinator.token).POST('/api/matches/{id}/visits', { params: { path: { id: matchId } }, body }), 'visit planned by the coordinator');
}

/** A visit the volunteer planned themselves: confirmed at once (it may start up to a few minutes ago). */
export async function visitPlannedByVolunteer(volunteer: Volunteer, matchId: string, startsAt: Date, endsAt: Date): Promise<Schemas['VisitDto']> {
  const body = { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
  return ok(api(tokenOf(volunteer)).POST('/api/matches/{id}/visits', { params: { path: { id: matchId } }, body }), 'visit planned by the volunteer');
}

/** The volunteer's visits that end after `from` (default: a day ago), as the API has them. */
export async function visitsOf(volunteer: Volunteer, from = new Date(Date.now() - 86_400_000)): Promise<Schemas['VisitDto'][]> {
  const page = await ok(api(tokenOf(volunteer)).GET('/api/me/visits', { params: { query: { from: from.toISOString(), pageSize: 100 } } }), 'own visits');
  return page.items;
}

/** The language of the volunteer's profile, which the portal speaks after its next load. */
export async function setLocale(volunteer: Volunteer, locale: 'nl' | 'en'): Promise<void> {
  await ok(api(tokenOf(volunteer)).PATCH('/api/me', { body: { locale } }), 'locale');
}
