import { api, Given, ok, Schemas } from './api';

/** For the follow-ups screen: a match's follow-ups as the file's coordinator sees them through the API. */

/** The follow-ups of one match (any status), earliest due first. */
export async function followUpsOf(given: Given, matchId: string): Promise<Schemas['FollowUpDto'][]> {
  const coordinator = await given.coordinator();
  const page = await ok(api(coordinator.token).GET('/api/follow-ups', { params: { query: { status: ['open', 'done', 'cancelled'], pageSize: 100 } } }), 'follow-ups');
  return page.items.filter((f) => f.matchId === matchId);
}

/** The language of the file's coordinator, which the portal speaks after its next load. */
export async function setCoordinatorLocale(given: Given, locale: 'nl' | 'en'): Promise<void> {
  const coordinator = await given.coordinator();
  await ok(api(coordinator.token).PATCH('/api/me', { body: { locale } }), 'locale');
}
