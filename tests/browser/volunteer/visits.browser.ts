import { VisitsPage } from '../../../apps/portal/src/volunteer/visits/visits.page';
import { texts } from '../../../apps/portal/src/shared/i18n/catalogue-for-tests';
import { expect, expectAccessible, screenshot, test } from '../support/fixtures';
import { activeMatch, setLocale, visitPlannedByCoordinator, visitPlannedByVolunteer, visitsOf } from '../support/visits';

const nl = texts('nl');
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** "14:00": how the portal shows an instant's time (Amsterdam, 24 hours). */
const clock = (at: Date | string) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(new Date(at));

/** Next year's dates, always to come: a winter day, and the Sunday the clocks go forward (last of March). */
const year = new Date().getUTCFullYear() + 1;
const winterDay = { day: 12, month: 1, year };
const springForward = { day: [31, 30, 29, 28, 27, 26, 25].find((d) => new Date(Date.UTC(year, 2, d)).getUTCDay() === 0) as number, month: 3, year };
const iso = (d: { day: number; month: number; year: number }, time: string) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}T${time}:00.000Z`;

test.describe('Visits of a volunteer (phone, Dutch)', () => {
  test('plans a visit with the client of an active match, in Amsterdam time, also across the spring clock change', async ({ given, volunteer, volunteerPage: page }, testInfo) => {
    await activeMatch(given, volunteer);
    const visits = new VisitsPage(page);
    await visits.open();
    await expect(page.getByText(nl('visits.none'))).toBeVisible();
    await visits.startPlanning();
    await expectAccessible(page, 'plan a visit');
    await screenshot(page, `visits-plan-nl-${testInfo.project.name}`);

    // The calendar is reachable and accessible too.
    await page.getByRole('button', { name: nl('fields.openCalendar') }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page, 'plan a visit: calendar');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    // Winter: Amsterdam is UTC+1.
    await visits.planAndReturn({ date: winterDay, from: '14:00', until: '16:00', note: 'Samen wandelen' });
    await expect(page.getByRole('status').filter({ hasText: 'Bezoek gepland' })).toBeVisible();
    const walk = visits.visit('Wilhelmina', '14:00');
    await expect(visits.statusOf(walk, 'confirmed')).toBeVisible(); // the volunteer's own plan stands at once
    await expect(walk).toContainText('Samen wandelen');

    // The night the clocks go forward: 01:30 is still UTC+1, 03:30 already UTC+2, so it lasts an hour.
    await visits.startPlanning();
    await visits.planAndReturn({ date: springForward, from: '01:30', until: '03:30' });
    await expect(visits.visit('Wilhelmina', '01:30')).toBeVisible();

    const planned = (await visitsOf(volunteer)).map((v) => ({ startsAt: v.startsAt, endsAt: v.endsAt, status: v.status, note: v.note }));
    expect(planned).toEqual([
      { startsAt: iso(winterDay, '13:00'), endsAt: iso(winterDay, '15:00'), status: 'confirmed', note: 'Samen wandelen' },
      { startsAt: iso(springForward, '00:30'), endsAt: iso(springForward, '01:30'), status: 'confirmed', note: null },
    ]);
    await expectAccessible(page, 'my visits');
    await screenshot(page, `visits-list-nl-${testInfo.project.name}`);
  });

  test('a plan that overlaps another visit is refused in words next to the form, and nothing is booked', async ({ given, volunteer, volunteerPage: page }, testInfo) => {
    const match = await activeMatch(given, volunteer);
    await visitPlannedByVolunteer(volunteer, match.id, new Date(iso(winterDay, '13:00')), new Date(iso(winterDay, '15:00')));
    const visits = new VisitsPage(page);
    await visits.open();
    await visits.startPlanning();
    await visits.plan({ date: winterDay, from: '15:00', until: '17:00' });

    await expect(visits.planError()).toContainText(nl('visits.errors.visit_overlap'));
    await expect(page.getByRole('heading', { level: 1, name: nl('visits.planForm.title') })).toBeVisible();
    expect(await visitsOf(volunteer)).toHaveLength(1);
    await expectAccessible(page, 'plan a visit: refused');
    await screenshot(page, `visits-overlap-nl-${testInfo.project.name}`);
  });

  test('confirms a visit the coordinator planned', async ({ given, volunteer, volunteerPage: page }) => {
    const match = await activeMatch(given, volunteer);
    const startsAt = new Date(Date.now() + 3 * 24 * HOUR);
    startsAt.setUTCHours(9, 0, 0, 0);
    const planned = await visitPlannedByCoordinator(given, match.id, startsAt, new Date(startsAt.getTime() + 2 * HOUR));
    const visits = new VisitsPage(page);
    await visits.open();
    const visit = visits.visit('Wilhelmina', clock(startsAt));
    await expect(visits.statusOf(visit, 'planned')).toBeVisible();

    await visits.confirm(visit);
    await expect(visits.statusOf(visit, 'confirmed')).toBeVisible();
    await expect(visit.getByRole('button', { name: nl('visits.actions.confirm') })).toBeHidden();
    expect((await visitsOf(volunteer)).find((v) => v.id === planned.id)?.status).toBe('confirmed');
  });

  test('completes a visit that has begun, with a short note', async ({ given, volunteer, volunteerPage: page }, testInfo) => {
    const match = await activeMatch(given, volunteer);
    const begun = await visitPlannedByVolunteer(volunteer, match.id, new Date(Date.now() - 2 * MINUTE), new Date(Date.now() + HOUR));
    const visits = new VisitsPage(page);
    await visits.open();
    const visit = visits.visit('Wilhelmina', clock(begun.startsAt));
    await expect(visits.day(/^Vandaag, /)).toBeVisible();

    await visits.complete(visit, 'Samen koffie gedronken en foto’s gekeken');
    await expect(visits.statusOf(visit, 'done')).toBeVisible();
    await expect(visit).toContainText('Samen koffie gedronken en foto’s gekeken');
    await expect(visit.getByRole('button', { name: nl('visits.actions.complete') })).toBeHidden();
    const done = (await visitsOf(volunteer)).find((v) => v.id === begun.id);
    expect(done).toMatchObject({ status: 'done', note: 'Samen koffie gedronken en foto’s gekeken' });
    await screenshot(page, `visits-done-nl-${testInfo.project.name}`);
  });

  test('declines a visit the coordinator planned, saying why', async ({ given, volunteer, volunteerPage: page }) => {
    const match = await activeMatch(given, volunteer);
    const startsAt = new Date(Date.now() + 4 * 24 * HOUR);
    startsAt.setUTCHours(12, 30, 0, 0);
    const planned = await visitPlannedByCoordinator(given, match.id, startsAt, new Date(startsAt.getTime() + HOUR));
    const visits = new VisitsPage(page);
    await visits.open();
    const visit = visits.visit('Wilhelmina', clock(startsAt));

    await visits.decline(visit, 'Dan ben ik op vakantie');
    await expect(visits.statusOf(visit, 'declined')).toBeVisible();
    await expect(visit).toContainText('Dan ben ik op vakantie');
    expect((await visitsOf(volunteer)).find((v) => v.id === planned.id)).toMatchObject({ status: 'declined', reason: 'Dan ben ik op vakantie' });
  });

  test('a visit that is over but was never completed asks for it; one that did not take place is cancelled with a reason', async ({ given, volunteer, volunteerPage: page }, testInfo) => {
    const match = await activeMatch(given, volunteer);
    // The API lets a plan start a few minutes ago (clocks differ): a visit that is over by now.
    const over = await visitPlannedByVolunteer(volunteer, match.id, new Date(Date.now() - 4 * MINUTE), new Date(Date.now() - 3 * MINUTE));
    const visits = new VisitsPage(page);
    await visits.open();
    const toComplete = page.getByRole('heading', { level: 2, name: nl('visits.toComplete') });
    await expect(toComplete).toBeVisible();
    const visit = visits.visit('Wilhelmina', clock(over.startsAt));
    await expect(visit.getByRole('button', { name: nl('visits.actions.complete') })).toBeVisible();
    await expectAccessible(page, 'my visits: to complete');
    await screenshot(page, `visits-to-complete-nl-${testInfo.project.name}`);

    await visits.cancel(visit, 'Mevrouw lag in het ziekenhuis');
    await expect(toComplete).toBeHidden();
    // The card left the page: the focus goes to the news, not back to the start of the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    const cancelled = (await visitsOf(volunteer, new Date(Date.now() - HOUR))).find((v) => v.id === over.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: 'Mevrouw lag in het ziekenhuis' });
  });

  test('shows the visits a page at a time, earliest first', async ({ given, volunteer, volunteerPage: page }) => {
    const match = await activeMatch(given, volunteer);
    const first = new Date(Date.now() + 24 * HOUR);
    first.setUTCHours(9, 0, 0, 0);
    // One more than a page of the API (25).
    for (let day = 0; day < 26; day++) {
      const startsAt = new Date(first.getTime() + day * 24 * HOUR);
      await visitPlannedByVolunteer(volunteer, match.id, startsAt, new Date(startsAt.getTime() + HOUR));
    }
    const visits = new VisitsPage(page);
    await visits.open();
    await expect(visits.cards()).toHaveCount(25);
    await expect(visits.day(/^Morgen, /)).toBeVisible();

    await visits.loadMore();
    await expect(visits.cards()).toHaveCount(26);
    await expect(visits.moreButton()).toBeHidden();
  });
});

test.describe('Visits of a volunteer (phone, English)', () => {
  test('the list and the plan form are accessible in English too', async ({ given, volunteer, volunteerPage: page }, testInfo) => {
    const match = await activeMatch(given, volunteer);
    const startsAt = new Date(Date.now() + 2 * 24 * HOUR);
    startsAt.setUTCHours(13, 0, 0, 0);
    await visitPlannedByCoordinator(given, match.id, startsAt, new Date(startsAt.getTime() + HOUR));
    await visitPlannedByVolunteer(volunteer, match.id, new Date(Date.now() - MINUTE), new Date(Date.now() + HOUR));
    await setLocale(volunteer, 'en');

    // A fresh page load reads the new language from the profile. Only one: a second load while the first
    // one's silent refresh is under way loses the rotated cookie, and the session ends (refresh_token_reused).
    const visits = new VisitsPage(page, 'en');
    await visits.open();
    const en = texts('en');
    await expect(visits.statusOf(visits.visit('Wilhelmina', clock(startsAt)), 'planned')).toBeVisible();
    await expectAccessible(page, 'my visits (en)');
    await screenshot(page, `visits-list-en-${testInfo.project.name}`);

    await visits.startPlanning();
    await expect(page.getByRole('group', { name: en('visits.planForm.date'), exact: true })).toBeVisible();
    await expectAccessible(page, 'plan a visit (en)');
    await screenshot(page, `visits-plan-en-${testInfo.project.name}`);
  });
});
