import ICAL from 'ical.js';
import { Role } from '@app/identity';
import { startTestApp, TestApp } from '../support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `days` from today (UTC midnight) at hh:mm UTC, as an ISO string. */
function at(days: number, hour: number, minute = 0): string {
  const midnight = new Date();
  midnight.setUTCHours(0, 0, 0, 0);
  return new Date(midnight.getTime() + days * DAY + hour * HOUR + minute * MINUTE).toISOString();
}

/** `ms` from now, as an ISO string. */
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

interface Volunteer {
  volunteerId: string;
  email: string;
}

describe('Visits within an active match', () => {
  let t: TestApp;
  let org: string;
  let coordinator: string;
  let programmeId: string;
  let sourceId: string;

  const post = (url: string, token: string, body: unknown = {}) => t.request('POST', url, { token, body });
  const plan = (matchId: string, token: string, startsAt: string, endsAt: string, note?: string) =>
    post(`/api/matches/${matchId}/visits`, token, { startsAt, endsAt, ...(note ? { note } : {}) });
  const ids = (items: Array<{ id: string }>) => items.map((v) => v.id);
  /** Plans a visit by the volunteer for tomorrow, then moves it `ago` into the past, as if time had passed. */
  async function pastVisit(matchId: string, token: string, ago: number, hours = 1) {
    const visit = (await plan(matchId, token, fromNow(DAY), fromNow(DAY + hours * HOUR))).body;
    await t.dataSource.query(`UPDATE visit SET starts_at = now() - make_interval(secs => $2), ends_at = now() - make_interval(secs => $2) + make_interval(hours => $3) WHERE id = $1`, [visit.id, ago / 1000, hours]);
    return visit;
  }

  /** A volunteer (new unless given) whose proposal for a new client they accepted: an active match. */
  async function activeMatch(given?: Volunteer, requestInput: Record<string, unknown> = {}) {
    const volunteer = given ?? (await t.given.volunteerWithLogin(org));
    const token = await t.login(volunteer.email);
    const request = await t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId, ...requestInput });
    const match = await t.given.proposal(org, request.id, volunteer.volunteerId);
    expect((await post(`/api/matches/${match.id}/accept`, token)).status).toBe(200);
    return { volunteer, token, request, match };
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = (await t.given.organisation()).organisation.id;
    coordinator = await t.login((await t.given.user(org, Role.Coordinator)).email);
    programmeId = (await t.given.programme(org, 'buddy')).id;
    sourceId = (await t.given.referralSource(org)).id;
  });
  afterAll(() => t.close());

  describe('planning and answering', () => {
    it('plans a coordinator visit as planned for the volunteer to confirm, a volunteer visit as confirmed, and lists them earliest first', async () => {
      const { token, request, match, volunteer } = await activeMatch();
      const byCoordinator = await plan(match.id, coordinator, at(10, 13), at(10, 15), 'Samen naar het park');
      expect(byCoordinator.status).toBe(201);
      expect(byCoordinator.body).toEqual({
        id: expect.any(String),
        matchId: match.id,
        volunteerId: volunteer.volunteerId,
        clientId: request.clientId,
        startsAt: at(10, 13),
        endsAt: at(10, 15),
        status: 'planned',
        note: 'Samen naar het park',
        reason: null,
        confirmedAt: null,
        completedAt: null,
        cancelledAt: null,
      });

      const byVolunteer = await plan(match.id, token, at(9, 13), at(9, 14));
      expect(byVolunteer.status).toBe(201);
      expect(byVolunteer.body).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String), note: null });

      const confirmed = await post(`/api/visits/${byCoordinator.body.id}/confirm`, token);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ id: byCoordinator.body.id, status: 'confirmed', confirmedAt: expect.any(String) });
      const again = await post(`/api/visits/${byCoordinator.body.id}/confirm`, token);
      expect(again).toMatchObject({ status: 409, body: { error: 'illegal_visit_transition', details: { from: 'confirmed', to: 'confirmed' } } });

      for (const caller of [coordinator, token]) {
        const list = await t.request('GET', `/api/matches/${match.id}/visits`, { token: caller });
        expect(list.status).toBe(200);
        expect(list.body).toMatchObject({ total: 2, page: 1, pageSize: 25 });
        expect(ids(list.body.items)).toEqual([byVolunteer.body.id, byCoordinator.body.id]);
      }
      const second = await t.request('GET', `/api/matches/${match.id}/visits?page=2&pageSize=1`, { token: coordinator });
      expect(second.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(ids(second.body.items)).toEqual([byCoordinator.body.id]);
    });

    it('lets the volunteer decline a planned visit with a reason, which frees the time, but not a coordinator', async () => {
      const { token, match } = await activeMatch();
      const visit = (await plan(match.id, coordinator, at(12, 13), at(12, 15))).body;
      expect((await post(`/api/visits/${visit.id}/confirm`, coordinator)).status).toBe(403);
      expect((await post(`/api/visits/${visit.id}/decline`, coordinator, { reason: 'Namens de vrijwilliger' })).status).toBe(403);

      const declined = await post(`/api/visits/${visit.id}/decline`, token, { reason: 'Tandarts die middag' });
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({ status: 'declined', reason: 'Tandarts die middag', confirmedAt: null });
      const [row] = await t.dataSource.query(`SELECT status, reason FROM visit WHERE id = $1`, [visit.id]);
      expect(row).toEqual({ status: 'declined', reason: 'Tandarts die middag' });
      expect((await post(`/api/visits/${visit.id}/confirm`, token)).body.error).toBe('illegal_visit_transition');

      expect((await plan(match.id, coordinator, at(12, 13), at(12, 15))).status).toBe(201);
    });

    it('refuses impossible times with 422, bad input with 400, and a match that is not active with 409', async () => {
      const { match } = await activeMatch();
      const backwards = await plan(match.id, coordinator, at(14, 15), at(14, 13));
      expect(backwards).toMatchObject({ status: 422, body: { error: 'visit_times_invalid' } });
      expect((await plan(match.id, coordinator, at(14, 13), at(14, 13))).body.error).toBe('visit_times_invalid');
      expect((await plan(match.id, coordinator, at(14, 13), at(15, 13, 1))).body).toMatchObject({ statusCode: 422, error: 'visit_too_long' });
      expect((await plan(match.id, coordinator, at(14, 13), at(15, 13))).status).toBe(201); // exactly 24 h is allowed

      expect((await plan(match.id, coordinator, 'next tuesday', at(16, 13))).status).toBe(400);
      expect((await post(`/api/matches/${match.id}/visits`, coordinator, { startsAt: at(16, 13) })).status).toBe(400);
      const unknownField = await post(`/api/matches/${match.id}/visits`, coordinator, { startsAt: at(16, 13), endsAt: at(16, 14), status: 'done' });
      expect(unknownField.status).toBe(400);
      expect((await plan('not-a-uuid', coordinator, at(16, 13), at(16, 14))).status).toBe(400);

      const proposal = await t.given.proposal(org, (await t.given.triagedRequest(org, { programmeId, referralSourceId: sourceId })).id, (await t.given.volunteerWithLogin(org)).volunteerId);
      expect((await plan(proposal.id, coordinator, at(16, 13), at(16, 14))).body).toMatchObject({ statusCode: 409, error: 'match_not_active' });
      expect((await post(`/api/matches/${match.id}/end`, coordinator, { reason: 'other' })).status).toBe(200);
      expect((await plan(match.id, coordinator, at(17, 13), at(17, 14))).body).toMatchObject({ statusCode: 409, error: 'match_not_active' });
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM visit WHERE match_id = ANY($1)`, [[match.id, proposal.id]]);
      expect(count).toBe(1);
    });
  });

  describe('double booking', () => {
    it('never books a volunteer twice at the same time, within one match or across two, but allows touching visits and a freed slot', async () => {
      const volunteer = await t.given.volunteerWithLogin(org, { maxConcurrentClients: 2 });
      const first = await activeMatch(volunteer);
      const second = await activeMatch(volunteer);
      const booked = await plan(first.match.id, coordinator, at(20, 13), at(20, 15));
      expect(booked.status).toBe(201);

      const overlapping = await plan(first.match.id, first.token, at(20, 14), at(20, 16));
      expect(overlapping).toMatchObject({ status: 409, body: { statusCode: 409, error: 'visit_overlap' } });
      const otherClient = await plan(second.match.id, coordinator, at(20, 14, 30), at(20, 14, 45));
      expect(otherClient).toMatchObject({ status: 409, body: { error: 'visit_overlap' } });

      const touchingAfter = await plan(second.match.id, coordinator, at(20, 15), at(20, 16));
      const touchingBefore = await plan(first.match.id, first.token, at(20, 12), at(20, 13));
      expect([touchingAfter.status, touchingBefore.status]).toEqual([201, 201]);

      const cancelled = await post(`/api/visits/${booked.body.id}/cancel`, coordinator, { reason: 'Cliënt naar het ziekenhuis' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', reason: 'Cliënt naar het ziekenhuis', cancelledAt: expect.any(String) });
      const rebooked = await plan(second.match.id, coordinator, at(20, 14), at(20, 15));
      expect(rebooked.status).toBe(201);
      expect(rebooked.body.matchId).toBe(second.match.id);

      const clashes = await t.dataSource.query(
        `SELECT a.id FROM visit a JOIN visit b ON a.volunteer_id = b.volunteer_id AND a.id < b.id
          WHERE a.volunteer_id = $1 AND a.status IN ('planned', 'confirmed', 'done') AND b.status IN ('planned', 'confirmed', 'done')
            AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`,
        [volunteer.volunteerId],
      );
      expect(clashes).toEqual([]);
      const rows = await t.dataSource.query(`SELECT status FROM visit WHERE volunteer_id = $1 ORDER BY starts_at, status`, [volunteer.volunteerId]);
      expect(rows.map((r: { status: string }) => r.status)).toEqual(['confirmed', 'cancelled', 'planned', 'planned']);
    });
  });

  describe('completing', () => {
    it('completes a visit that has started with a note, but not one in the future or one that was cancelled', async () => {
      const { token, match } = await activeMatch();
      const past = await pastVisit(match.id, token, 2 * HOUR);
      const done = await post(`/api/visits/${past.id}/complete`, token, { note: 'Fijne wandeling, veel gepraat' });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ id: past.id, status: 'done', note: 'Fijne wandeling, veel gepraat', completedAt: expect.any(String) });
      expect(Math.abs(Date.parse(done.body.completedAt) - Date.now())).toBeLessThan(MINUTE);
      const [row] = await t.dataSource.query(`SELECT status, note, completed_at FROM visit WHERE id = $1`, [past.id]);
      expect(row).toMatchObject({ status: 'done', note: 'Fijne wandeling, veel gepraat', completed_at: expect.any(Date) });
      expect((await post(`/api/visits/${past.id}/complete`, token)).body.error).toBe('illegal_visit_transition');
      expect((await post(`/api/visits/${past.id}/cancel`, coordinator)).body.error).toBe('illegal_visit_transition');

      // A coordinator may complete a planned visit too (once it has started).
      const started = (await plan(match.id, coordinator, fromNow(-MINUTE), fromNow(HOUR))).body; // a minute ago: within the allowed clock skew
      expect((await post(`/api/visits/${started.id}/complete`, coordinator)).body).toMatchObject({ status: 'done', note: null });

      const future = (await plan(match.id, token, at(22, 13), at(22, 15))).body;
      const early = await post(`/api/visits/${future.id}/complete`, token, { note: 'Te vroeg' });
      expect(early).toMatchObject({ status: 422, body: { error: 'visit_not_started' } });
      expect((await t.dataSource.query(`SELECT status, note FROM visit WHERE id = $1`, [future.id]))[0]).toEqual({ status: 'confirmed', note: null });

      expect((await post(`/api/visits/${future.id}/cancel`, token, { reason: 'Ziek' })).body.status).toBe('cancelled');
      const afterCancel = await post(`/api/visits/${future.id}/complete`, coordinator);
      expect(afterCancel).toMatchObject({ status: 409, body: { error: 'illegal_visit_transition', details: { from: 'cancelled', to: 'done' } } });
    });
  });

  describe('the past: planning refuses it, recording is explicit', () => {
    const record = (matchId: string, token: string, body: Record<string, unknown>) => post(`/api/matches/${matchId}/visits/record`, token, body);
    /** An active match that started `days` ago (as if accepted then). */
    async function startedDaysAgo(days: number) {
      const active = await activeMatch();
      await t.dataSource.query(`UPDATE match SET started_at = now() - make_interval(days => $2) WHERE id = $1`, [active.match.id, days]);
      return active;
    }

    it('refuses to plan a visit that starts in the past (422 visit_in_past), allowing a few minutes of clock skew', async () => {
      const { token, match } = await activeMatch();
      const old = await plan(match.id, coordinator, '2020-01-01T10:00:00Z', '2020-01-01T11:00:00Z');
      expect(old).toMatchObject({ status: 422, body: { error: 'visit_in_past', message: expect.stringContaining('record') } });
      expect((await plan(match.id, token, fromNow(-HOUR), fromNow(HOUR))).body.error).toBe('visit_in_past');
      expect((await plan(match.id, token, fromNow(-2 * MINUTE), fromNow(HOUR))).status).toBe(201);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM visit WHERE match_id = $1`, [match.id]);
      expect(n).toBe(1);
    });

    it('records a visit that took place as done, by the volunteer or a coordinator, and writes visit.completed', async () => {
      const { token, match } = await startedDaysAgo(5);
      const recorded = await record(match.id, token, { startsAt: fromNow(-2 * DAY), endsAt: fromNow(-2 * DAY + HOUR), note: 'Samen koffie gedronken' });
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ matchId: match.id, status: 'done', note: 'Samen koffie gedronken', completedAt: expect.any(String) });
      const events = await t.dataSource.query(`SELECT topic FROM outbox_event WHERE payload->>'visitId' = $1`, [recorded.body.id]);
      expect(events).toEqual([{ topic: 'visit.completed' }]);
      const byCoordinator = await record(match.id, coordinator, { startsAt: fromNow(-DAY), endsAt: fromNow(-DAY + 2 * HOUR) });
      expect(byCoordinator.body).toMatchObject({ status: 'done', note: null });
      const audits = await t.dataSource.query(`SELECT actor_role, client_id FROM audit_event WHERE resource_type = 'visit' AND action = 'create' AND resource_id = $1 ORDER BY id`, [match.id]);
      expect(audits).toEqual([
        { actor_role: 'volunteer', client_id: match.clientId },
        { actor_role: 'coordinator', client_id: match.clientId },
      ]);
    });

    it('refuses to record a visit that is not over, one before the match started, an overlapping one, or within a match that is not active', async () => {
      const { token, match } = await startedDaysAgo(3);
      expect((await record(match.id, token, { startsAt: fromNow(DAY), endsAt: fromNow(DAY + HOUR) })).body).toMatchObject({ statusCode: 422, error: 'visit_not_over' });
      expect((await record(match.id, token, { startsAt: fromNow(-HOUR), endsAt: fromNow(HOUR) })).body.error).toBe('visit_not_over');
      expect((await record(match.id, token, { startsAt: fromNow(-4 * DAY), endsAt: fromNow(-4 * DAY + HOUR) })).body).toMatchObject({ statusCode: 422, error: 'visit_before_match' });
      expect((await record(match.id, token, { startsAt: fromNow(-DAY), endsAt: fromNow(-DAY - HOUR) })).body.error).toBe('visit_times_invalid');
      expect((await record(match.id, token, { startsAt: fromNow(-2 * DAY - 2 * HOUR), endsAt: fromNow(-HOUR) })).body.error).toBe('visit_too_long');
      expect((await record(match.id, token, { startsAt: fromNow(-DAY), endsAt: fromNow(-DAY + HOUR) })).status).toBe(201);
      expect((await record(match.id, token, { startsAt: fromNow(-DAY + 30 * MINUTE), endsAt: fromNow(-DAY + 2 * HOUR) })).body).toMatchObject({ statusCode: 409, error: 'visit_overlap' });
      expect((await record(match.id, token, { startsAt: 'yesterday' })).status).toBe(400);

      const stranger = await t.given.volunteerWithLogin(org);
      expect((await record(match.id, await t.login(stranger.email), { startsAt: fromNow(-DAY), endsAt: fromNow(-DAY + HOUR) })).status).toBe(404);
      await post(`/api/matches/${match.id}/end`, coordinator, { reason: 'goal_reached' });
      expect((await record(match.id, coordinator, { startsAt: fromNow(-2 * DAY), endsAt: fromNow(-2 * DAY + HOUR) })).body).toMatchObject({ statusCode: 409, error: 'match_not_active' });
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM visit WHERE match_id = $1`, [match.id]);
      expect(n).toBe(1);
    });
  });

  describe('who may see and change visits', () => {
    it('keeps referrers and admins out (403), another volunteer out (404), and another organisation out (404)', async () => {
      const { token, match } = await activeMatch();
      const visit = (await plan(match.id, coordinator, at(24, 13), at(24, 15))).body;
      const referrer = await t.login((await t.given.user(org, Role.Referrer)).email);
      const admin = await t.login((await t.given.user(org, Role.Admin)).email);
      const otherVolunteer = await t.login((await t.given.volunteerWithLogin(org)).email);
      const other = await t.given.organisation();
      const otherCoordinator = await t.login((await t.given.user(other.organisation.id, Role.Coordinator)).email);

      const calls = (caller: string) => [
        t.request('GET', `/api/matches/${match.id}/visits`, { token: caller }),
        plan(match.id, caller, at(25, 13), at(25, 14)),
        post(`/api/visits/${visit.id}/confirm`, caller),
        post(`/api/visits/${visit.id}/decline`, caller),
        post(`/api/visits/${visit.id}/complete`, caller),
        post(`/api/visits/${visit.id}/cancel`, caller),
      ];
      const statuses = async (caller: string) => (await Promise.all(calls(caller))).map((r) => r.status);
      expect(await statuses(referrer)).toEqual([403, 403, 403, 403, 403, 403]);
      expect(await statuses(admin)).toEqual([403, 403, 403, 403, 403, 403]);
      expect(await statuses(otherVolunteer)).toEqual([404, 404, 404, 404, 404, 404]);
      // A coordinator never confirms or declines (403, whoever's visit it is); the rest is not found.
      expect(await statuses(otherCoordinator)).toEqual([404, 404, 403, 403, 404, 404]);
      for (const caller of [referrer, admin]) {
        expect((await t.request('GET', '/api/me/visits', { token: caller })).status).toBe(403);
        expect((await post('/api/me/calendar-feed', caller)).status).toBe(403);
      }
      expect((await t.request('GET', '/api/me/visits', { token: coordinator })).status).toBe(403);

      // Nothing changed, nothing was added.
      const list = await t.request('GET', `/api/matches/${match.id}/visits`, { token });
      expect(list.body.items).toEqual([expect.objectContaining({ id: visit.id, status: 'planned' })]);
    });
  });

  describe('my visits', () => {
    it("shows a volunteer only their own visits that have not ended yet, earliest first, filtered by status and time", async () => {
      const { token, match } = await activeMatch();
      const pastDone = await pastVisit(match.id, token, 3 * HOUR);
      await post(`/api/visits/${pastDone.id}/complete`, token);
      const later = (await plan(match.id, coordinator, at(28, 13), at(28, 15))).body;
      const sooner = (await plan(match.id, token, at(26, 13), at(26, 15))).body;
      const cancelled = (await plan(match.id, token, at(27, 13), at(27, 15))).body;
      await post(`/api/visits/${cancelled.id}/cancel`, token);
      const someoneElse = await activeMatch();
      await plan(someoneElse.match.id, someoneElse.token, at(26, 13), at(26, 15));

      const mine = await t.request('GET', '/api/me/visits', { token });
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ total: 3, page: 1, pageSize: 25 });
      expect(ids(mine.body.items)).toEqual([sooner.id, cancelled.id, later.id]);

      const booked = await t.request('GET', '/api/me/visits?status=planned,confirmed', { token });
      expect(ids(booked.body.items)).toEqual([sooner.id, later.id]);
      const window = await t.request('GET', `/api/me/visits?from=${encodeURIComponent(at(27, 0))}&to=${encodeURIComponent(at(28, 0))}`, { token });
      expect(ids(window.body.items)).toEqual([cancelled.id]);
      const history = await t.request('GET', `/api/me/visits?from=${encodeURIComponent(fromNow(-DAY))}&status=done`, { token });
      expect(ids(history.body.items)).toEqual([pastDone.id]);
      expect((await t.request('GET', '/api/me/visits?status=lost', { token })).status).toBe(400);
    });
  });

  describe('the calendar feed', () => {
    const client = {
      firstName: 'Wilhelmina',
      lastName: 'Jansen',
      birthDate: '1941-09-30',
      diagnosisGroup: 'cancer_lung',
      diagnosisDetails: 'Longcarcinoom, uitgezaaid',
      consentGivenBy: 'client',
      street: 'Lijnmarkt',
      houseNumber: '17',
      phone: '030-2345678',
      lat: 52.0937,
      lon: 5.1177,
      city: 'Utrecht',
    };
    const feedPath = (url: string) => new URL(url).pathname;

    it('serves the planned and confirmed upcoming visits as valid iCalendar without a bearer token, and without private client details', async () => {
      const { token, match, volunteer } = await activeMatch(undefined, { client });
      const confirmed = (await plan(match.id, token, at(30, 13), at(30, 15))).body;
      const planned = (await plan(match.id, coordinator, at(31, 13, 30), at(31, 16))).body;
      const cancelled = (await plan(match.id, token, at(32, 13), at(32, 15))).body;
      await post(`/api/visits/${cancelled.id}/cancel`, token);
      const declined = (await plan(match.id, coordinator, at(33, 13), at(33, 15))).body;
      await post(`/api/visits/${declined.id}/decline`, token);
      const done = await pastVisit(match.id, token, 3 * HOUR);
      await post(`/api/visits/${done.id}/complete`, token);
      await pastVisit(match.id, token, 6 * HOUR); // confirmed, but over
      await plan(match.id, token, at(200, 13), at(200, 15)); // beyond the 180 days

      const created = await post('/api/me/calendar-feed', token);
      expect(created.status).toBe(201);
      expect(created.body.url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

      const feed = await t.request('GET', feedPath(created.body.url));
      expect(feed.status).toBe(200);
      expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const text = feed.body as string;
      expect(typeof text).toBe('string');
      expect(text).not.toMatch(/[^\r]\n|\r(?!\n)/); // every line break is CRLF (the last line: see the next test)
      for (const secret of ['Jansen', 'cancer_lung', 'Longcarcinoom', 'Lijnmarkt', '2345678', '1941']) expect(text).not.toContain(secret);

      const calendar = new ICAL.Component(ICAL.parse(text));
      expect(calendar.name).toBe('vcalendar');
      expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
      expect(calendar.getFirstPropertyValue('prodid')).toEqual(expect.stringContaining('volunteer-match'));
      const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
        for (const name of ['uid', 'dtstamp', 'dtstart', 'dtend']) expect(vevent.hasProperty(name)).toBe(true);
        const event = new ICAL.Event(vevent);
        return {
          uid: event.uid,
          start: event.startDate.toJSDate().toISOString(),
          end: event.endDate.toJSDate().toISOString(),
          summary: event.summary,
          location: event.location,
          status: vevent.getFirstPropertyValue('status'),
        };
      });
      expect(events).toEqual([
        { uid: `${confirmed.id}@volunteer-match`, start: at(30, 13), end: at(30, 15), summary: 'Visit: Wilhelmina', location: 'Utrecht', status: 'CONFIRMED' },
        { uid: `${planned.id}@volunteer-match`, start: at(31, 13, 30), end: at(31, 16), summary: 'Visit: Wilhelmina', location: 'Utrecht', status: 'TENTATIVE' },
      ]);

      const audit = await t.dataSource.query(
        `SELECT action, resource_id, organisation_id, outcome, actor_user_id FROM audit_event WHERE resource_type = 'calendar_feed' AND resource_id = $1`,
        [volunteer.volunteerId],
      );
      expect(audit).toEqual([{ action: 'read', resource_id: volunteer.volunteerId, organisation_id: org, outcome: 'success', actor_user_id: null }]);
    });

    // Regression: ical-generator's toString() leaves the last line bare; RFC 5545 §3.1/§3.4 want CRLF after
    // END:VCALENDAR too (fixed in CalendarService.feed, 25ad42e). Strict parsers may reject the last line.
    it('ends every content line with CRLF, the last one (END:VCALENDAR) too (RFC 5545 §3.1)', async () => {
      const { token, match } = await activeMatch();
      await plan(match.id, token, at(34, 13), at(34, 15));
      const feed = await t.request('GET', feedPath((await post('/api/me/calendar-feed', token)).body.url));
      expect(feed.status).toBe(200);
      const lines = (feed.body as string).split('\r\n');
      expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
      expect(lines.slice(-2)).toEqual(['END:VCALENDAR', '']);
    });

    it('stops answering an address once it is replaced or switched off, and answers unknown addresses with a JSON 404', async () => {
      const { token, match } = await activeMatch();
      await plan(match.id, token, at(35, 13), at(35, 15));
      const old = (await post('/api/me/calendar-feed', token)).body.url;
      expect((await t.request('GET', feedPath(old))).status).toBe(200);

      const rotated = (await post('/api/me/calendar-feed', token)).body.url;
      expect(rotated).not.toBe(old);
      const gone = await t.request('GET', feedPath(old));
      expect(gone.status).toBe(404);
      expect(gone.body).toMatchObject({ statusCode: 404, error: 'not_found' });
      expect(String(gone.headers['content-type'])).toContain('application/json');
      const current = await t.request('GET', feedPath(rotated));
      expect(current.status).toBe(200);
      expect((current.body as string).match(/BEGIN:VEVENT/g)).toHaveLength(1);

      const revoked = await t.request('DELETE', '/api/me/calendar-feed', { token });
      expect(revoked.status).toBe(204);
      expect((await t.request('GET', feedPath(rotated))).status).toBe(404);

      expect((await t.request('GET', `/api/calendar/${'A'.repeat(43)}.ics`)).body).toMatchObject({ statusCode: 404, error: 'not_found' });
      expect((await t.request('GET', '/api/calendar/short.ics')).body).toMatchObject({ statusCode: 404, error: 'not_found' });
      expect((await t.request('GET', feedPath(rotated).replace(/\.ics$/, '.txt'))).status).toBe(404);
    });
  });
});
