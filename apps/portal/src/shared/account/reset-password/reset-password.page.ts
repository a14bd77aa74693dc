import { expect, Locator, Page } from '@playwright/test';
import { Catalogue, texts } from '../../i18n/catalogue-for-tests';

/** Page object of the reset link's screen (a new password). */
export class ResetPasswordPage {
  private readonly t: Catalogue;

  constructor(
    private readonly page: Page,
    language: 'nl' | 'en' = 'nl',
  ) {
    this.t = texts(language);
  }

  /** Opens the link of the reset email (`/reset-password#token=…`). */
  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t('account.reset.title') });
  }

  get password(): Locator {
    return this.page.getByLabel(this.t('account.reset.password'), { exact: true });
  }

  async choosePassword(password: string): Promise<void> {
    await this.password.fill(password);
    await this.page.getByRole('button', { name: this.t('account.reset.submit') }).click();
  }

  /** The explanation shown when the link is refused, with the way to a new one. */
  get refused(): Locator {
    return this.page.getByRole('alert').filter({ hasText: this.t('account.reset.askAgain') });
  }

  get requestNew(): Locator {
    return this.page.getByRole('link', { name: this.t('account.reset.requestNew') });
  }
}
