import { InboxPage } from '../../../apps/portal/src/shared/inbox/inbox.page';
import { texts } from '../../../apps/portal/src/shared/i18n/catalogue-for-tests';
import { NotificationSettingsPage } from '../../../apps/portal/src/volunteer/notifications/notifications.page';
import { PushEndpoint } from '../../support/push-endpoint';
import { api, Given, ok, Person, Schemas } from '../support/api';
import { expect, expectAccessible, screenshot, test } from '../support/fixtures';
import { deliverPush, fakePushManager, serviceWorkerScope, shownNotifications, tapNotification } from '../support/push';

type Item = Schemas['InboxItemDto'];
const nl = texts('nl');

/** The volunteer's newest notification of `kind`, once the API has it (notifications are written by a job). */
async function notification(person: Person, kind: Item['kind']): Promise<Item> {
  let found: Item | undefined;
  await expect
    .poll(async () => {
      const page = await ok(api(person.token).GET('/api/me/notifications', { params: { query: { pageSize: 100 } } }), 'inbox');
      found = page.items.find((item) => item.kind === kind);
      return found !== undefined;
    })
    .toBe(true);
  return found as Item;
}

const unreadCount = async (person: Person) => (await ok(api(person.token).GET('/api/me/notifications/unread-count'), 'unread count')).count;

/** A coordinator proposes the volunteer for a new request: the volunteer gets a `match_proposed`. */
async function proposal(given: Given, volunteerId: string): Promise<Schemas['MatchDto']> {
  const request = await given.request();
  await given.triage(request.id);
  return given.propose(request.id, volunteerId);
}

async function speak(person: Person, locale: 'nl' | 'en'): Promise<void> {
  await ok(api(person.token).PATCH('/api/me', { body: { locale } }), 'locale');
}

test.describe('Inbox', () => {
  test('a proposal appears live in the inbox and the badge; opening it marks it read and goes to the match', async ({ volunteerPage: page, volunteer, given }) => {
    const person = volunteer.user as Person;
    const inbox = new InboxPage(page);
    await notification(person, 'welcome'); // the welcome is there first: the badge starts from it
    await inbox.open();
    const before = await unreadCount(person);
    await expect(inbox.menuLink()).toHaveAccessibleName(`${nl('nav.inbox')} ${nl('nav.unread', { count: before })}`);

    const match = await proposal(given, volunteer.id);
    const proposed = await notification(person, 'match_proposed');
    expect(proposed.path).toBe(`/matches/${match.id}`);
    // No reload: the notification stream brings it, and the badge counts it.
    await expect(inbox.item(proposed.title)).toBeVisible();
    expect(await inbox.isUnread(proposed.title)).toBe(true);
    await expect(inbox.menuLink()).toHaveAccessibleName(`${nl('nav.inbox')} ${nl('nav.unread', { count: before + 1 })}`);
    await expectAccessible(page, 'inbox (nl)');
    await screenshot(page, 'inbox-nl');

    await inbox.openItem(proposed.title);
    await expect(page).toHaveURL(new RegExp(`/matches/${match.id}$`));
    await expect.poll(async () => (await notification(person, 'match_proposed')).readAt).not.toBeNull();
    await expect(inbox.menuLink()).toHaveAccessibleName(`${nl('nav.inbox')} ${nl('nav.unread', { count: before })}`);

    await inbox.open();
    expect(await inbox.isUnread(proposed.title)).toBe(false);
    await inbox.markAllRead();
    await expect(page.getByText(nl('inbox.allRead'))).toBeVisible();
    await expect(inbox.menuLink()).toHaveAccessibleName(nl('nav.inbox'));
    expect(await unreadCount(person)).toBe(0);
  });

  test('in English: the inbox and the settings pass axe', async ({ volunteerPage: page, volunteer, given }) => {
    const person = volunteer.user as Person;
    await proposal(given, volunteer.id);
    await notification(person, 'match_proposed');
    await speak(person, 'en');
    const inbox = new InboxPage(page, 'en');
    await inbox.open(); // a new page load reads the profile's language
    await expect(inbox.items()).toHaveCount(2);
    await expectAccessible(page, 'inbox (en)');
    await screenshot(page, 'inbox-en');

    const settings = new NotificationSettingsPage(page, 'en');
    await settings.open();
    await expectAccessible(page, 'notification settings (en)');
    await screenshot(page, 'notification-settings-en');
  });
});

test.describe('Notification settings', () => {
  test('saved choices survive a reload and are what the API holds', async ({ volunteerPage: page, volunteer }) => {
    const person = volunteer.user as Person;
    const settings = new NotificationSettingsPage(page);
    await settings.open();
    await expectAccessible(page, 'notification settings (nl)');
    await screenshot(page, 'notification-settings-nl');

    await expect(settings.channel('vigil_offer', 'push')).toBeChecked(); // the volunteer's default
    await settings.setChannel('match_proposed', 'push', true);
    await settings.setDigest('visit_planned', false);
    await settings.setQuietHours(true);
    await settings.setTime(settings.quietStart(), '22:30');
    await settings.setTime(settings.quietEnd(), '07:15');
    await settings.setTime(settings.digestAt(), '09:30');
    await settings.save();

    await settings.open(); // a new page load
    await expect(settings.channel('match_proposed', 'push')).toBeChecked();
    await expect(settings.channel('match_proposed', 'email')).not.toBeChecked();
    await expect(settings.digest('visit_planned')).not.toBeChecked();
    await expect(settings.quietHours()).toBeChecked();
    expect(await settings.timeOf(settings.quietStart())).toBe('22:30');
    expect(await settings.timeOf(settings.quietEnd())).toBe('07:15');
    expect(await settings.timeOf(settings.digestAt())).toBe('09:30');
    const stored = await ok(api(person.token).GET('/api/me/notification-preferences'), 'preferences');
    expect(stored).toMatchObject({ quietHours: { start: '22:30', end: '07:15' }, digestAt: '09:30' });
    expect(stored.kinds.find((k) => k.kind === 'match_proposed')).toEqual({ kind: 'match_proposed', channels: ['push'], digest: true });
    expect(stored.kinds.find((k) => k.kind === 'visit_planned')).toEqual({ kind: 'visit_planned', channels: [], digest: false });
  });

  test('equal quiet hours are refused in the words of the API', async ({ volunteerPage: page }) => {
    const settings = new NotificationSettingsPage(page);
    await settings.open();
    await settings.setQuietHours(true);
    await settings.setTime(settings.quietStart(), '08:00');
    await settings.setTime(settings.quietEnd(), '08:00');
    await settings.saveButton().click();
    await expect(page.getByRole('alert')).toBeVisible();
  });
});

test.describe('Push', () => {
  test('the worker registers and the app is installable; where the browser refuses push, the switch says so', async ({ volunteerPage: page, context, baseURL }) => {
    await context.grantPermissions(['notifications'], { origin: baseURL });
    const settings = new NotificationSettingsPage(page);
    await settings.open();
    expect(await serviceWorkerScope(page)).toBe(`${baseURL}/`);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect([manifest.url, manifest.errors]).toEqual([`${baseURL}/manifest.webmanifest`, []]);
    // Playwright's contexts are private windows: Chromium offers no install there, and says only that.
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);

    await expect(settings.pushState('off')).toBeVisible();
    // In a private window Chromium refuses push subscriptions too.
    await settings.setPush(true);
    await expect(settings.pushProblem('browserRefused')).toBeVisible();
    await expect(settings.pushSwitch()).not.toBeChecked();
    await expect(settings.pushState('off')).toBeVisible();
  });

  test('notifications blocked by the browser: the switch is off and says why', async ({ volunteerPage: page }) => {
    // Playwright can grant a permission but not deny one: the page sees the browser's "denied".
    await page.addInitScript({ content: "Object.defineProperty(Notification, 'permission', { get: () => 'denied' });" });
    const settings = new NotificationSettingsPage(page);
    await settings.open();
    await expect(settings.pushState('blocked')).toBeVisible();
    await expect(settings.pushSwitch()).toBeDisabled();
  });

  test.describe('with a push service (a local one in place of Google’s, unreachable here)', () => {
    let pushService: PushEndpoint;
    test.beforeAll(async () => {
      pushService = await new PushEndpoint().start();
    });
    test.afterAll(async () => {
      await pushService.stop();
    });

    test('switching push on gives the API the subscription; a proposal is pushed, shown by the worker, and a tap opens the match', async ({ volunteerPage: page, volunteer, context, baseURL, given }) => {
      const person = volunteer.user as Person;
      const subscription = pushService.subscribe();
      // The browser's PushManager answers with the local push service's subscription; push.ts is unchanged.
      await fakePushManager(page, subscription);
      await context.grantPermissions(['notifications'], { origin: baseURL });
      await ok(api(person.token).PUT('/api/me/notification-preferences', { body: { kinds: [{ kind: 'match_proposed', channels: ['push'], digest: false }] } }), 'preferences');

      const settings = new NotificationSettingsPage(page);
      await settings.open();
      await settings.setPush(true);
      await expect(settings.pushState('on')).toBeVisible();
      await expect(settings.pushSwitch()).toBeChecked();
      const held = await ok(api(person.token).GET('/api/me/push-subscriptions'), 'subscriptions');
      expect(held).toHaveLength(1);
      await settings.open(); // a new page load
      await expect(settings.pushSwitch()).toBeChecked();

      // The API pushes the proposal to the local push service, which decrypts it as a browser would.
      const match = await proposal(given, volunteer.id);
      await expect.poll(() => pushService.received.filter((r) => r.subscriptionId === subscription.id).length, { timeout: 15_000 }).toBe(1);
      const pushed = pushService.received.find((r) => r.subscriptionId === subscription.id);
      expect(pushed?.vapid.valid).toBe(true);
      const payload = pushed?.payload as { title: string; body: string; url: string; tag: string; urgent: boolean };
      const proposed = await notification(person, 'match_proposed');
      expect(payload).toEqual({ title: proposed.title, body: proposed.body, url: `${baseURL}/matches/${match.id}`, tag: proposed.id, urgent: false });

      // Chromium's push service is not here: the payload is handed to the worker as it would be.
      await deliverPush(context, page, payload);
      const shown = () => shownNotifications(page);
      await expect.poll(shown).toEqual([{ title: proposed.title, body: proposed.body, tag: proposed.id, data: { path: `/matches/${match.id}`, id: proposed.id } }]);

      // A tap while the portal is open: the app goes to the match and the notification is read.
      await new InboxPage(page).open();
      const [worker] = context.serviceWorkers();
      await tapNotification(worker);
      await expect(page).toHaveURL(new RegExp(`/matches/${match.id}$`));
      await expect.poll(async () => (await notification(person, 'match_proposed')).readAt).not.toBeNull();
      expect(await shown()).toEqual([]);

      // A shared device: a colleague subscribes this browser, the API moves it to them, and the switch says off.
      const colleague = await given.coordinator();
      await ok(api(colleague.token).POST('/api/me/push-subscriptions', { body: { endpoint: subscription.endpoint, keys: subscription.keys } }), 'colleague subscribes');
      await settings.open();
      await expect(settings.pushState('off')).toBeVisible();
      await settings.setPush(true);
      await expect(settings.pushState('on')).toBeVisible();
      expect(await ok(api(colleague.token).GET('/api/me/push-subscriptions'), 'subscriptions')).toEqual([]);

      await settings.setPush(false);
      await expect(settings.pushState('off')).toBeVisible();
      expect(await ok(api(person.token).GET('/api/me/push-subscriptions'), 'subscriptions')).toEqual([]);
    });
  });
});
