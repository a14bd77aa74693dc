import { api, ok, Volunteer } from '../support/api';
import { expect, expectAccessible, screenshot, test } from '../support/fixtures';
import { AvailabilityPage } from '../../../apps/portal/src/volunteer/availability/availability.page';
import { ProfilePage } from '../../../apps/portal/src/volunteer/profile/profile.page';

function tokenOf(volunteer: Volunteer): string {
  if (!volunteer.user) throw new Error('the volunteer has no login');
  return volunteer.user.token;
}

/** The volunteer's own profile as the API has it, asked as the volunteer. */
function profileOf(volunteer: Volunteer) {
  return ok(api(tokenOf(volunteer)).GET('/api/volunteers/{id}', { params: { path: { id: volunteer.id } } }), 'volunteer');
}

/** A calendar day (YYYY-MM-DD) `days` from today in the Netherlands. */
function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const [year, month, date] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

test.describe('My availability', () => {
  test('sets the week by keyboard and by tap; a reload shows it saved and the API agrees', async ({ volunteerPage: page, volunteer }, testInfo) => {
    const screen = new AvailabilityPage(page);
    await screen.open();
    // The given volunteer is free on Tuesday and Thursday afternoons.
    await expect(screen.slot('tue', 'afternoon')).toHaveAttribute('aria-pressed', 'true');
    await expect(screen.slot('mon', 'evening')).toHaveAttribute('aria-pressed', 'false');
    await expectAccessible(page, 'availability (nl)');
    await screenshot(page, `availability-nl-${testInfo.project.name}`);

    await screen.toggleByKeyboard('mon', 'evening');
    await expect(screen.slot('mon', 'evening')).toHaveAttribute('aria-pressed', 'true');
    await expect(screen.slot('mon', 'evening')).toBeFocused();
    await screen.tap('sat', 'night');
    await screen.tap('tue', 'afternoon');
    await expect(screen.slot('sat', 'night')).toHaveAttribute('aria-pressed', 'true');
    await expect(screen.slot('tue', 'afternoon')).toHaveAttribute('aria-pressed', 'false');
    await screen.saveWeek();

    await page.reload();
    await screen.shown();
    for (const [day, part, chosen] of [
      ['mon', 'evening', 'true'],
      ['sat', 'night', 'true'],
      ['thu', 'afternoon', 'true'],
      ['tue', 'afternoon', 'false'],
      ['mon', 'morning', 'false'],
    ] as const) {
      await expect(screen.slot(day, part), `${day} ${part}`).toHaveAttribute('aria-pressed', chosen);
    }
    const saved = await profileOf(volunteer);
    expect(saved.availability).toEqual(
      expect.arrayContaining([
        { day: 'mon', part: 'evening' },
        { day: 'thu', part: 'afternoon' },
        { day: 'sat', part: 'night' },
      ]),
    );
    expect(saved.availability).toHaveLength(3);
  });

  test('adds an absence of whole days and removes it again', async ({ volunteerPage: page, volunteer }, testInfo) => {
    const screen = new AvailabilityPage(page);
    await screen.open();
    await expect(screen.absences()).toHaveCount(0);
    // The calendar a phone user taps in is accessible too.
    await screen.openCalendar();
    await expectAccessible(page, 'availability, calendar open (nl)');
    await screenshot(page, `availability-calendar-nl-${testInfo.project.name}`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await screen.addAbsence('2027-07-12', '2027-07-25', 'Vakantie in Zeeland');
    await expect(page.getByRole('status').filter({ hasText: 'is toegevoegd' })).toBeVisible();
    await expect(screen.absences()).toHaveCount(1);
    await expect(screen.absences().first()).toContainText('12 juli 2027');
    await expect(screen.absences().first()).toContainText('25 juli 2027');
    await expect(screen.absences().first()).toContainText('Vakantie in Zeeland');
    // Whole days in Dutch (summer) time: from the first midnight up to the midnight after the last day.
    const added = await profileOf(volunteer);
    expect(added.unavailablePeriods).toHaveLength(1);
    expect(new Date(added.unavailablePeriods[0].startsAt).toISOString()).toBe('2027-07-11T22:00:00.000Z');
    expect(new Date(added.unavailablePeriods[0].endsAt).toISOString()).toBe('2027-07-25T22:00:00.000Z');
    expect(added.unavailablePeriods[0].reason).toBe('Vakantie in Zeeland');
    await screenshot(page, `availability-absence-nl-${testInfo.project.name}`);

    await page.reload();
    await screen.shown();
    await expect(screen.absences()).toHaveCount(1);
    await screen.removeAbsence('Vakantie in Zeeland');
    await expect(page.getByRole('status').filter({ hasText: 'is verwijderd' })).toBeVisible();
    await expect(screen.absences()).toHaveCount(0);
    expect((await profileOf(volunteer)).unavailablePeriods).toEqual([]);
  });

  test('saves the travel distance', async ({ volunteerPage: page, volunteer }) => {
    const screen = new AvailabilityPage(page);
    await screen.open();
    await expect(screen.travelKm()).toHaveValue('10');
    await screen.setTravelKm(25);
    await page.reload();
    await screen.shown();
    await expect(screen.travelKm()).toHaveValue('25');
    expect((await profileOf(volunteer)).maxTravelKm).toBe(25);
  });
});

test.describe('My profile', () => {
  test('shows the credentials in words and saves name and phone', async ({ volunteerPage: page, volunteer, given }, testInfo) => {
    const coordinator = await given.coordinator();
    const add = (type: 'first_aid' | 'vigil_training', issuedOn: string, expiresOn: string) =>
      ok(api(coordinator.token).POST('/api/volunteers/{id}/credentials', { params: { path: { id: volunteer.id } }, body: { type, issuedOn, expiresOn } }), type);
    await add('first_aid', dayFromToday(-700), dayFromToday(10));
    await add('vigil_training', dayFromToday(-800), dayFromToday(-3));

    const screen = new ProfilePage(page);
    await screen.open();
    const credential = (type: string) => screen.credentials().filter({ hasText: screen.t(`profile.credentials.types.${type}`) });
    // The buddy programme's own: a VOG until 2030 and a basic training without an end date.
    await expect(credential('vog')).toContainText('Geldig tot en met 1 januari 2030');
    await expect(credential('basic_training')).toContainText('zonder einddatum');
    await expect(credential('first_aid')).toContainText('Verloopt binnenkort');
    await expect(credential('vigil_training')).toContainText('Verlopen op');
    await expectAccessible(page, 'profile (nl)');
    await screenshot(page, `profile-nl-${testInfo.project.name}`);

    await screen.name().fill('Marieke van Dam');
    await screen.phone().fill('06 12345678');
    await screen.saveDetails();
    // The API stores the number in international form, and the field shows what was stored.
    await expect(screen.phone()).toHaveValue('+31612345678');
    await page.reload();
    await screen.shown();
    await expect(screen.name()).toHaveValue('Marieke van Dam');
    const me = await ok(api(tokenOf(volunteer)).GET('/api/me'), 'me');
    expect(me.user).toMatchObject({ name: 'Marieke van Dam', phone: '+31612345678' });
    await expect(screen.passwordLink()).toHaveAttribute('href', '/account/password');
    await expect(screen.notificationsLink()).toHaveAttribute('href', '/profile/notifications');
  });

  test('makes a calendar address, copies it and shows it as a QR code; a new one ends the old one', async ({ volunteerPage: page, context, baseURL, request }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const screen = new ProfilePage(page);
    await screen.open();
    const address = await screen.makeCalendarAddress();
    expect(address).toMatch(/\/api\/calendar\/[^/]+\.ics$/);
    await screen.copyCalendarAddress();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    await expect(screen.qrCode()).toBeVisible();
    await screenshot(page, `profile-calendar-nl-${testInfo.project.name}`);
    const feed = await request.get(new URL(address).pathname);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    await page.getByRole('button', { name: screen.t('profile.calendar.renew') }).click();
    await expect(screen.calendarAddress()).not.toHaveValue(address);
    expect((await request.get(new URL(address).pathname)).ok()).toBe(false);

    const second = await screen.calendarAddress().inputValue();
    await screen.stopCalendar();
    await expect(screen.calendarAddress()).toHaveCount(0);
    expect((await request.get(new URL(second).pathname)).ok()).toBe(false);
  });

  test('switches to English, which the profile remembers across a reload', async ({ volunteerPage: page, volunteer }, testInfo) => {
    const screen = new ProfilePage(page);
    await screen.open();
    await screen.chooseLanguage('en');
    const english = new ProfilePage(page, 'en');
    await expect(english.heading()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect((await ok(api(tokenOf(volunteer)).GET('/api/me'), 'me')).user.locale).toBe('en');

    // Not this device's memory: the profile's. Forget the device's choice and reload.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await english.shown();
    await expect(english.language('en')).toBeChecked();
    await expectAccessible(page, 'profile (en)');
    await screenshot(page, `profile-en-${testInfo.project.name}`);

    const availability = new AvailabilityPage(page, 'en');
    await availability.open();
    await expectAccessible(page, 'availability (en)');
    await screenshot(page, `availability-en-${testInfo.project.name}`);

    await english.open();
    await english.chooseLanguage('nl');
    await expect(screen.heading()).toBeVisible();
  });
});
