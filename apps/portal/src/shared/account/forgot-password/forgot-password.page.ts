import { expect, Locator, Page } from '@playwright/test';
import { Catalogue, texts } from '../../i18n/catalogue-for-tests';

/** Page object of the forgotten-password screen. */
export class ForgotPasswordPage {
  private readonly t: Catalogue;

  constructor(
    private readonly page: Page,
    language: 'nl' | 'en' = 'nl',
  ) {
    this.t = texts(language);
  }

  async open(): Promise<void> {
    await this.page.goto('/forgot-password');
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t('account.forgot.title') });
  }

  async request(email: string): Promise<void> {
    await this.page.getByLabel(this.t('login.email')).fill(email);
    await this.page.getByRole('button', { name: this.t('account.forgot.submit') }).click();
  }

  /** The API's answer once the request is taken (the same words for any address). */
  get accepted(): Locator {
    return this.page.getByRole('status');
  }
}
