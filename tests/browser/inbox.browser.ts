import { InboxPage } from '../../apps/portal/src/shared/inbox/inbox.page';
import { NotificationSettingsPage } from '../../apps/portal/src/volunteer/notifications/notifications.page';
import { api, ok } from './support/api';
import { expect, expectAccessible, screenshot, test } from './support/fixtures';

/** The inbox and the settings are every role's: here a coordinator's, on a desktop. */
test.describe('Inbox of a coordinator', () => {
  test('a new request appears in the inbox; its settings list the kinds of a coordinator', async ({ coordinatorPage: page, coordinator, given }) => {
    const inbox = new InboxPage(page);
    await inbox.open();
    const request = await given.request();
    let title = '';
    await expect
      .poll(async () => {
        const items = (await ok(api(coordinator.token).GET('/api/me/notifications', { params: { query: { pageSize: 100 } } }), 'inbox')).items;
        title = items.find((item) => item.kind === 'request_submitted' && item.path === `/requests/${request.id}`)?.title ?? '';
        return title;
      })
      .not.toBe('');
    await expect(inbox.item(title)).toBeVisible();
    expect(await inbox.isUnread(title)).toBe(true);
    await expectAccessible(page, 'inbox of a coordinator');
    await screenshot(page, 'inbox-coordinator-desktop');

    const settings = new NotificationSettingsPage(page);
    await page.getByRole('link', { name: inbox.t('inbox.settings') }).click();
    await expect(settings.kind('vigil_alert')).toBeVisible();
    await expect(settings.channel('vigil_alert', 'push')).toBeChecked(); // a coordinator's default
    await expect(settings.kind('match_proposed')).toHaveCount(0); // a volunteer's kind
    await expectAccessible(page, 'notification settings of a coordinator');
    await screenshot(page, 'notification-settings-coordinator-desktop');
  });
});
