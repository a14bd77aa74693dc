import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { LoginPage } from '../../../apps/portal/src/shared/account/login/login.page';
import { MatchPage } from '../../../apps/portal/src/volunteer/match/match.page';
import { OfferPage } from '../../../apps/portal/src/volunteer/offer/offer.page';
import { TodayPage } from '../../../apps/portal/src/volunteer/today/today.page';
import { api, Given, ok, Person, Schemas } from '../support/api';
import { expect, expectAccessible, screenshot, test } from '../support/fixtures';

// Today, vigil offers and proposals on a phone, in Dutch (and checked in English too).

/** Where the client lives and how to reach them: the volunteer sees these only once they said yes. */
const HOME = { street: 'Oudegracht', houseNumber: '12', postcode: '3511 AB', phone: '030 765 4321' };
const HOUR = 3_600_000;

/** A vigil window `days` from now at 22:00 for 9 hours (each test its own night, so they never overlap). */
function night(days: number): Schemas['VigilWindowDto'] {
  const start = new Date(Date.now() + days * 24 * HOUR);
  start.setUTCHours(21, 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 9 * HOUR).toISOString() };
}

/** Given.request's client with a home address and phone, under another first name. */
function clientWithHome(firstName: string): Schemas['SubmitRequestDto']['client'] {
  return { firstName, lastName: 'Jansen', birthDate: '1941-09-30', diagnosisGroup: 'cancer_lung', consentGivenBy: 'client', lat: 52.0937, lon: 5.1177, city: 'Utrecht', ...HOME };
}

/** The file's three vigil volunteers (a wave offers to three, so every vigil of this file reaches all of them). */
let vigilVolunteers: Promise<Person[]> | undefined;
function threeVigilVolunteers(given: Given): Promise<Person[]> {
  vigilVolunteers ??= (async () => {
    const people: Person[] = [];
    for (const [firstName, km] of [['Anna', 0.5], ['Bram', 1], ['Cees', 1.5]] as const) {
      const volunteer = await given.volunteer({ kind: 'vigil', login: true, firstName, km });
      people.push(volunteer.user as Person);
    }
    return people;
  })();
  return vigilVolunteers;
}

/** A second phone: a context of its own (its own cookies), with the project's phone settings. */
async function phone(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

async function signIn(page: Page, person: Person): Promise<TodayPage> {
  await new LoginPage(page).login(person.email, person.password);
  const today = new TodayPage(page);
  await today.heading().waitFor();
  return today;
}

/** The user's language becomes English (as the profile's switch does) and the page is loaded again. */
async function inEnglish(page: Page, person: Person): Promise<void> {
  await ok(api(person.token).PATCH('/api/me', { body: { locale: 'en' } }), 'locale en');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

async function inDutch(person: Person): Promise<void> {
  await ok(api(person.token).PATCH('/api/me', { body: { locale: 'nl' } }), 'locale nl');
}

test.describe('Today: vigil offers', () => {
  test('an offer appears live; the first to accept sees the confirmed vigil with address and phone; a slower colleague hears it was taken', async ({
    page,
    browser,
    given,
    baseURL,
    viewport,
    isMobile,
    hasTouch,
    locale,
    timezoneId,
  }) => {
    test.setTimeout(120_000);
    const [anna, bram, cees] = await threeVigilVolunteers(given);
    const phoneSettings = { baseURL, viewport, isMobile, hasTouch, locale, timezoneId };

    const annaToday = await signIn(page, anna);
    const bramPage = await phone(browser, phoneSettings);
    const bramToday = await signIn(bramPage, bram);
    const ceesPage = await phone(browser, phoneSettings);
    const ceesToday = await signIn(ceesPage, cees);
    await expect(annaToday.noVigils()).toBeVisible();
    await expectAccessible(page, 'today, empty');
    await screenshot(page, 'today-empty');

    // A mark that a reload would wipe: the offer must arrive through the live stream.
    await page.evaluate(() => ((globalThis as { notReloaded?: boolean }).notReloaded = true));
    const request = await given.vigilRequest({ client: clientWithHome('Wilhelmina'), vigilWindow: night(1) });
    await given.triage(request.id);

    await expect(annaToday.vigilOffer('Wilhelmina')).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expect(annaToday.vigilOffer('Wilhelmina')).toContainText('3511 Utrecht');
    await expect(annaToday.vigilOffer('Wilhelmina')).toContainText(/[\d,]+ km van uw huis/);
    // Before accepting: no address, no phone.
    await expect(page.getByText('Oudegracht')).toHaveCount(0);
    await expect(page.getByText(HOME.phone)).toHaveCount(0);
    await expectAccessible(page, 'today with a vigil offer');
    await screenshot(page, 'today-vigil-offer');
    await expect(bramToday.vigilOffer('Wilhelmina')).toBeVisible({ timeout: 30_000 });
    // Bram's phone lags behind (a bad connection): his list keeps showing the offer after Anna took it.
    const stale = await ok(api(bram.token).GET('/api/offers', { params: { query: { status: ['sent'] } } }), 'offers');
    await bramPage.route(
      (url) => url.pathname === '/api/offers',
      (route) => (route.request().method() === 'GET' ? route.fulfill({ json: stale }) : route.fallback()),
    );
    await expect(ceesToday.vigilOffer('Wilhelmina')).toBeVisible({ timeout: 30_000 });

    await annaToday.acceptVigil('Wilhelmina');
    const annaOffer = new OfferPage(page);
    await expect(annaOffer.acceptedHeading('Wilhelmina')).toBeVisible();
    await expect(annaOffer.acceptedHeading('Wilhelmina')).toBeFocused();
    await expect(annaOffer.fact('clientView.address')).toContainText('Oudegracht 12');
    await expect(annaOffer.fact('clientView.phone')).toContainText(HOME.phone);
    await expect(page.getByRole('listitem').filter({ hasText: '22:00' }).first()).toBeVisible();
    await expectAccessible(page, 'offer accepted');
    await screenshot(page, 'offer-accepted');

    // Cees's phone follows live: the taken offer leaves his list without a reload.
    await expect(ceesToday.vigilOffer('Wilhelmina')).toHaveCount(0, { timeout: 30_000 });
    await expect(ceesToday.noVigils()).toBeVisible();

    // Bram still sees it and says yes: a friendly page, no error.
    await bramToday.acceptVigil('Wilhelmina');
    const bramOffer = new OfferPage(bramPage);
    await expect(bramOffer.takenHeading()).toBeVisible();
    await expect(bramOffer.takenHeading()).toBeFocused();
    await expectAccessible(bramPage, 'offer taken');
    await screenshot(bramPage, 'offer-taken');

    // The same screens in English.
    await inEnglish(bramPage, bram);
    await expect(new OfferPage(bramPage, 'en').takenHeading()).toBeVisible();
    await expectAccessible(bramPage, 'offer taken (en)');
    await screenshot(bramPage, 'offer-taken-en');
    await inEnglish(page, anna);
    await expect(new OfferPage(page, 'en').acceptedHeading('Wilhelmina')).toBeVisible();
    await expectAccessible(page, 'offer accepted (en)');
    await screenshot(page, 'offer-accepted-en');
    await inDutch(anna);
    await inDutch(bram);
    await bramPage.context().close();
    await ceesPage.context().close();
  });

  test('the whole accept flow works by keyboard alone', async ({ page, given }) => {
    test.setTimeout(90_000);
    const [, bram] = await threeVigilVolunteers(given);
    const today = await signIn(page, bram);
    const request = await given.vigilRequest({ client: clientWithHome('Johanna'), vigilWindow: night(3) });
    await given.triage(request.id);
    await expect(today.vigilOffer('Johanna')).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page, 'today with a vigil offer (keyboard)');

    // From the page's heading, Tab until the offer's big button has the focus; then Enter.
    await today.heading().focus();
    const accept = today.acceptButton('Johanna');
    for (let presses = 0; presses < 15 && !(await accept.evaluate((element) => element.matches(':focus'))); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(accept).toBeFocused();
    await page.keyboard.press('Enter');

    const offer = new OfferPage(page);
    await expect(offer.acceptedHeading('Johanna')).toBeFocused();
    await expect(offer.fact('clientView.address')).toContainText('Oudegracht 12');

    // Back on Today, the vigil is among the next visits.
    await page.getByRole('link', { name: offer.t('offer.toToday') }).click();
    await expect(today.nextVisits()).toContainText(today.t('today.visitWith', { name: 'Johanna' }));
    await expectAccessible(page, 'today with next visits');
    await screenshot(page, 'today-next-visits');
  });

  test('the offer page in both languages: the preview, then a decline with a reason', async ({ page, given }) => {
    test.setTimeout(90_000);
    const [, , cees] = await threeVigilVolunteers(given);
    const today = await signIn(page, cees);
    const request = await given.vigilRequest({ client: clientWithHome('Greet'), vigilWindow: night(5) });
    await given.triage(request.id);
    await expect(today.vigilOffer('Greet')).toBeVisible({ timeout: 30_000 });
    await today.vigilOffer('Greet').getByRole('link', { name: today.t('today.moreAboutVigil') }).click();

    const offer = new OfferPage(page);
    await expect(offer.openHeading('Greet')).toBeVisible();
    await expect(page.getByText('Oudegracht')).toHaveCount(0);
    await expectAccessible(page, 'offer');
    await screenshot(page, 'offer');
    await inEnglish(page, cees);
    await expect(new OfferPage(page, 'en').openHeading('Greet')).toBeVisible();
    await expectAccessible(page, 'offer (en)');
    await screenshot(page, 'offer-en');
    await new TodayPage(page, 'en').open();
    await expectAccessible(page, 'today (en)');
    await screenshot(page, 'today-en');
    await inDutch(cees);
    await offer.open((await offerIdOf(cees, request.id)) as string);
    await expect(offer.openHeading('Greet')).toBeVisible();

    await offer.decline('Ik ben die nacht weg');
    await expect(offer.declinedHeading()).toBeFocused();
    const [answered] = (await ok(api(cees.token).GET('/api/offers', { params: { query: { requestId: request.id } } }), 'offers')).items;
    expect(answered.status).toBe('declined');
  });
});

async function offerIdOf(person: Person, requestId: string): Promise<string | undefined> {
  return (await ok(api(person.token).GET('/api/offers', { params: { query: { requestId } } }), 'offers')).items[0]?.id;
}

test.describe('Today: proposals', () => {
  test('a proposal shows no address until accepted; accepting shows address and phone', async ({ volunteerPage: page, volunteer, given }) => {
    test.setTimeout(90_000);
    const person = volunteer.user as Person;
    const request = await given.request({ client: clientWithHome('Hendrika') });
    await given.triage(request.id);
    const proposed = await given.propose(request.id, volunteer.id);

    const today = new TodayPage(page);
    await today.open();
    await today.proposalLink('Hendrika').click();
    const match = new MatchPage(page);
    await expect(match.proposalHeading('Hendrika')).toBeVisible();
    await expect(match.factLabel('clientView.address')).toHaveCount(0);
    await expect(match.factLabel('clientView.phone')).toHaveCount(0);
    await expect(page.getByText('Oudegracht')).toHaveCount(0);
    await expectAccessible(page, 'match proposal');
    await screenshot(page, 'match-proposal');
    await inEnglish(page, person);
    await expect(new MatchPage(page, 'en').proposalHeading('Hendrika')).toBeVisible();
    await new MatchPage(page, 'en').declineButton().click();
    await expect(page.getByRole('radiogroup')).toBeVisible();
    await expectAccessible(page, 'match proposal, declining (en)');
    await screenshot(page, 'match-declining-en');
    await inDutch(person);
    await page.reload();

    await match.acceptButton().click();
    await expect(match.activeHeading('Hendrika')).toBeFocused();
    await expect(match.fact('clientView.address')).toContainText('Oudegracht 12');
    await expect(match.fact('clientView.phone')).toContainText(HOME.phone);
    await expectAccessible(page, 'match accepted');
    await screenshot(page, 'match-accepted');
    expect((await ok(api(person.token).GET('/api/matches/{id}', { params: { path: { id: proposed.id } } }), 'match')).status).toBe('active');
  });

  test('declining a proposal takes one of the reasons', async ({ volunteerPage: page, volunteer, given }) => {
    test.setTimeout(90_000);
    const person = volunteer.user as Person;
    const request = await given.request({ client: clientWithHome('Truus') });
    await given.triage(request.id);
    const proposed = await given.propose(request.id, volunteer.id);
    const match = new MatchPage(page);
    await match.open(proposed.id);
    await match.declineButton().click();
    // Without a reason the form says what is missing.
    await page.getByRole('button', { name: match.t('match.declineConfirm') }).click();
    await expect(page.getByText(match.t('match.chooseReason'))).toBeVisible();
    await match.chooseReason('too_far');
    await expect(match.reason('too_far')).toBeChecked();
    await page.getByRole('button', { name: match.t('match.declineConfirm') }).click();
    await expect(match.declinedHeading('Truus')).toBeFocused();
    const answered = await ok(api(person.token).GET('/api/matches/{id}', { params: { path: { id: proposed.id } } }), 'match');
    expect(answered).toMatchObject({ status: 'declined', declineReason: 'too_far' });
  });
});
