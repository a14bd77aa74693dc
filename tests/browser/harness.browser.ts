import { api, ok } from './support/api';
import { expect, expectAccessible, screenshot, test } from './support/fixtures';

test.describe('The browser-test harness', () => {
  test('reaches the API through baseURL, as the browser does', async ({ request, baseURL }) => {
    expect(baseURL).toMatch(/^http:\/\/localhost:\d+$/);
    const health = await request.get('/health');
    expect(health.ok()).toBe(true);
    expect((await request.get('/ready')).ok()).toBe(true);
  });

  test('serves the portal at /: a visitor without a session sees the login page', async ({ page }, testInfo) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel('E-mailadres')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Inloggen' })).toBeVisible();
    await expectAccessible(page, 'login');
    await screenshot(page, `harness-login-${testInfo.project.name}`);
  });

  test('mails an invitation to the mailbox, with a link into the portal', async ({ given, mailbox }) => {
    const { admin } = await given.organisation();
    const email = given.email('uitgenodigd');
    await ok(api(admin.token).POST('/api/invitations', { body: { email, name: 'Ineke Uitgenodigd', role: 'coordinator' } }), 'invitation');

    const message = await mailbox.waitFor(email);
    expect(message.subject).not.toBe('');
    expect(message.text).toContain(`${process.env.BROWSER_BASE_URL}/invitation#token=`);
    expect(await given.invitationLink(email)).toMatch(/^\/invitation#token=[\w-]+$/);
    // Nobody else's mail: the mailbox filters by recipient.
    expect(await mailbox.messages(given.email('niemand'))).toEqual([]);
  });

  test('makes the test data the screen tests need, through the API', async ({ given }) => {
    const volunteer = await given.volunteer({ login: true });
    const request = await given.request();
    expect((await given.triage(request.id)).status).toBe('triaged');
    expect((await given.propose(request.id, volunteer.id)).status).toBe('proposed');

    await given.volunteer({ kind: 'vigil', login: true });
    const vigil = await given.vigilRequest();
    expect((await given.triage(vigil.id)).status).toBe('triaged');

    const invited = await given.volunteer({ invite: true });
    const person = await given.acceptInvitation(invited.email);
    expect(person.token).toBeTruthy();
  });
});
