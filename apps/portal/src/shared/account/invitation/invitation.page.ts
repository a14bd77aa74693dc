import { expect, Locator, Page } from '@playwright/test';
import { Catalogue, texts } from '../../i18n/catalogue-for-tests';

/** Page object of the invitation link's screen (choose a password). */
export class InvitationPage {
  private readonly t: Catalogue;

  constructor(
    private readonly page: Page,
    language: 'nl' | 'en' = 'nl',
  ) {
    this.t = texts(language);
  }

  /** Opens the link of the invitation email (`/invitation#token=…`). */
  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t('account.invitation.title') });
  }

  get password(): Locator {
    return this.page.getByLabel(this.t('account.invitation.password'), { exact: true });
  }

  /** The show/hide toggle of the password field. */
  get showPassword(): Locator {
    return this.page.getByRole('button', { name: this.t('account.password.showLabel', { field: this.t('account.invitation.password').toLowerCase() }) });
  }

  async choosePassword(password: string): Promise<void> {
    await this.password.fill(password);
    await this.page.getByRole('button', { name: this.t('account.invitation.submit') }).click();
  }

  get done(): Locator {
    return this.page.getByRole('status').filter({ hasText: this.t('account.invitation.done') });
  }

  /** The link that goes on to the login page. */
  get toLogin(): Locator {
    return this.page.getByRole('link', { name: this.t('account.invitation.toLogin') });
  }

  /** The explanation shown when the link is refused (used, expired, unknown or incomplete). */
  get refused(): Locator {
    return this.page.getByRole('alert').filter({ hasText: this.t('account.invitation.askAgain') });
  }
}
