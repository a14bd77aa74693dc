import { authenticator } from 'otplib';
import type { Page } from '@playwright/test';
import { ChangePasswordPage } from '../../apps/portal/src/shared/account/change-password/change-password.page';
import { ForgotPasswordPage } from '../../apps/portal/src/shared/account/forgot-password/forgot-password.page';
import { InvitationPage } from '../../apps/portal/src/shared/account/invitation/invitation.page';
import { LoginPage } from '../../apps/portal/src/shared/account/login/login.page';
import { ResetPasswordPage } from '../../apps/portal/src/shared/account/reset-password/reset-password.page';
import { TwoFactorPage } from '../../apps/portal/src/shared/account/two-factor/two-factor.page';
import { texts } from '../../apps/portal/src/shared/i18n/catalogue-for-tests';
import { api, Given, ok, PASSWORD } from './support/api';
import { expect, expectAccessible, screenshot, test } from './support/fixtures';

const nl = texts('nl');
const NEW_PASSWORD = 'de kat zat op de warme vensterbank';

/** The screen passes axe in Dutch and in English (switched with the screen's own language choice), with a screenshot of each. */
async function checkBothLanguages(page: Page, name: string): Promise<void> {
  await expectAccessible(page, `${name} (nl)`);
  await screenshot(page, `account-${name}-nl`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, `${name} (en)`);
  await screenshot(page, `account-${name}-en`);
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
}

/** The portal's first screen of a volunteer. */
async function expectToday(page: Page): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(page.getByRole('heading', { level: 1, name: nl('nav.today') })).toBeVisible();
}

/** Two-factor login switched on through the API, as a user does in their settings: the secret and the recovery codes. */
async function switchOnTwoFactor(token: string, password = PASSWORD): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = await ok(api(token).POST('/api/me/totp', { body: { password } }), 'totp enrolment');
  // The code of the previous 30-second step: a code works once, and the login afterwards needs the current one.
  const code = authenticator.clone({ epoch: Date.now() - 30_000 }).generate(secret);
  const { recoveryCodes } = await ok(api(token).POST('/api/me/totp/confirm', { body: { code } }), 'totp confirmation');
  return { secret, recoveryCodes };
}

test.describe('account', () => {
  test('an invited volunteer opens the link in the mail, chooses a password, logs in and lands on Today', async ({ page, given }) => {
    const volunteer = await given.volunteer({ invite: true });
    const link = await given.invitationLink(volunteer.email);
    const invitation = new InvitationPage(page);

    await invitation.open(link);
    // The token is read, then wiped from the address bar (history, bookmarks, over a shoulder).
    await expect(page).toHaveURL((url) => url.hash === '');
    await checkBothLanguages(page, 'invitation');

    // The policy's refusal next to the field, in Dutch, from the API.
    await invitation.choosePassword('kort');
    await expect(invitation.password).toHaveAttribute('aria-invalid', 'true');
    await invitation.showPassword.click();
    await expect(invitation.showPassword).toHaveAttribute('aria-pressed', 'true');
    await expect(invitation.password).toHaveAttribute('type', 'text');
    await screenshot(page, 'account-invitation-refused-password');

    await invitation.choosePassword(PASSWORD);
    await expect(invitation.done).toBeVisible();
    await checkBothLanguages(page, 'invitation-done');
    await invitation.toLogin.click();

    await new LoginPage(page).login(volunteer.email, PASSWORD);
    await expectToday(page);

    // The link works once: used again, the screen says so and what to do.
    await page.context().clearCookies();
    await page.goto('/login');
    await invitation.open(link);
    await invitation.choosePassword(PASSWORD);
    await expect(invitation.refused).toBeVisible();
    await expect(invitation.password).toHaveCount(0);
    await checkBothLanguages(page, 'invitation-used');
  });

  test('an incomplete invitation link says what to do', async ({ page }) => {
    const invitation = new InvitationPage(page);
    await invitation.open('/invitation');
    await expect(invitation.refused).toBeVisible();
    await expect(invitation.password).toHaveCount(0);
  });

  test('a forgotten password: the mail has a link, the new password works and the link only once', async ({ page, given, mailbox }) => {
    const volunteer = await given.volunteer({ login: true });
    const forgot = new ForgotPasswordPage(page);
    await page.goto('/login');
    await page.getByRole('link', { name: nl('login.forgot') }).click();
    await expect(forgot.heading()).toBeVisible();
    await checkBothLanguages(page, 'forgot-password');

    await forgot.request(volunteer.email);
    await expect(forgot.accepted).toContainText('e-mail');
    await checkBothLanguages(page, 'forgot-password-sent');

    const link = await mailbox.link(volunteer.email, '/reset-password');
    const reset = new ResetPasswordPage(page);
    await reset.open(link);
    await expect(page).toHaveURL((url) => url.hash === '');
    await checkBothLanguages(page, 'reset-password');
    await reset.choosePassword(NEW_PASSWORD);

    await expect(page).toHaveURL((url) => url.pathname === '/login');
    await expect(page.getByRole('status').filter({ hasText: nl('account.notices.passwordReset') })).toBeVisible();
    await new LoginPage(page).login(volunteer.email, NEW_PASSWORD);
    await expectToday(page);

    await reset.open(link);
    await reset.choosePassword(PASSWORD);
    await expect(reset.refused).toBeVisible();
    await expect(reset.requestNew).toBeVisible();
    await checkBothLanguages(page, 'reset-password-used');
  });

  test('a changed password: the old one no longer works, the new one does; then log out everywhere', async ({ page, volunteerPage, volunteer }) => {
    const user = volunteer.user;
    if (!user) throw new Error('the volunteer fixture has no login');
    const change = new ChangePasswordPage(volunteerPage);
    await change.open();
    await expectAccessible(page, 'change-password (nl)');
    await screenshot(page, 'account-change-password-nl');

    await change.change('niet mijn wachtwoord', NEW_PASSWORD);
    await expect(change.currentPassword).toHaveAttribute('aria-invalid', 'true');
    await change.change(PASSWORD, NEW_PASSWORD);
    await expect(change.done).toBeVisible();
    await screenshot(page, 'account-change-password-done-nl');

    // This device stays logged in (the new session came with the answer): a reload keeps the screen.
    await page.reload();
    await expect(change.heading()).toBeVisible();

    // In English (the profile's language), the same screen passes axe too.
    await ok(api(user.token).PATCH('/api/me', { body: { locale: 'en' } }), 'locale en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: texts('en')('account.change.title') })).toBeVisible();
    await expectAccessible(page, 'change-password (en)');
    await screenshot(page, 'account-change-password-en');
    await ok(api(user.token).PATCH('/api/me', { body: { locale: 'nl' } }), 'locale nl');
    await page.reload();
    await expect(change.heading()).toBeVisible();

    await change.logoutEverywhere();
    await expect(page.getByRole('status').filter({ hasText: nl('account.notices.loggedOutEverywhere') })).toBeVisible();

    // The old password is refused at the login page; the new one works.
    const login = new LoginPage(page);
    await page.getByLabel(nl('login.email')).fill(user.email);
    await page.getByLabel(nl('login.password'), { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: nl('login.submit') }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === '/login');
    await login.login(user.email, NEW_PASSWORD);
    await expectToday(page);
  });

  test('two-factor login: a code of the app, a wrong code refused, and a recovery code instead', async ({ page, given }) => {
    test.setTimeout(60_000);
    const volunteer = await given.volunteer({ login: true });
    const user = volunteer.user;
    if (!user) throw new Error('no login');
    const { secret, recoveryCodes } = await switchOnTwoFactor(user.token);
    const twoFactor = new TwoFactorPage(page);

    await page.goto('/login');
    await page.getByLabel(nl('login.email')).fill(user.email);
    await page.getByLabel(nl('login.password'), { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: nl('login.submit') }).click();
    await expect(twoFactor.heading()).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === '/login/two-factor');
    await expect(twoFactor.code).toHaveAttribute('inputmode', 'numeric');
    await expect(twoFactor.code).toHaveAttribute('autocomplete', 'one-time-code');
    await checkBothLanguages(page, 'two-factor');

    const right = authenticator.generate(secret);
    await twoFactor.enterCode(right === '000000' ? '111111' : '000000');
    await expect(twoFactor.code).toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, 'account-two-factor-wrong-code');
    await twoFactor.enterCode(authenticator.generate(secret));
    await expectToday(page);

    // Another device, no phone at hand: a recovery code.
    await page.context().clearCookies();
    await page.goto('/login');
    await page.getByLabel(nl('login.email')).fill(user.email);
    await page.getByLabel(nl('login.password'), { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: nl('login.submit') }).click();
    await expect(twoFactor.heading()).toBeVisible();
    await twoFactor.enterRecoveryCode(recoveryCodes[0]);
    await expectToday(page);
  });

  test('an organisation that requires two-factor login: set up the app at login, then keep the recovery codes', async ({ page }) => {
    test.setTimeout(60_000);
    // An organisation of its own: the requirement would reach every volunteer of the file's organisation.
    const strict = new Given();
    const { admin } = await strict.organisation();
    await ok(api(admin.token).PATCH('/api/organisations/current/security', { body: { requireTwoFactorFor: ['volunteer'] } }), 'require two-factor');
    const volunteer = await strict.volunteer({ invite: true });
    // Accepted through the API: its helper would log in afterwards, which now asks for the second factor.
    const token = new URLSearchParams((await strict.invitationLink(volunteer.email)).split('#')[1]).get('token') ?? '';
    await ok(api().POST('/api/invitations/accept', { body: { token, password: PASSWORD } }), 'accepting the invitation');

    const twoFactor = new TwoFactorPage(page);
    await page.goto('/login');
    await page.getByLabel(nl('login.email')).fill(volunteer.email);
    await page.getByLabel(nl('login.password'), { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: nl('login.submit') }).click();
    await expect(twoFactor.enrolHeading).toBeVisible();
    await checkBothLanguages(page, 'two-factor-enrol');

    await twoFactor.startEnrolment();
    await checkBothLanguages(page, 'two-factor-enrol-secret');
    await twoFactor.enterCode(authenticator.generate(await twoFactor.secret()));

    await expect(twoFactor.recoveryCodes).toHaveCount(10);
    await checkBothLanguages(page, 'two-factor-recovery-codes');
    await twoFactor.keepRecoveryCodes();
    await expectToday(page);
  });
});
