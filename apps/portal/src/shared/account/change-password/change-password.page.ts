import { expect, Locator, Page } from '@playwright/test';
import { Catalogue, texts } from '../../i18n/catalogue-for-tests';

/** Page object of the change-password screen (signed in). */
export class ChangePasswordPage {
  private readonly t: Catalogue;

  constructor(
    private readonly page: Page,
    language: 'nl' | 'en' = 'nl',
  ) {
    this.t = texts(language);
  }

  async open(): Promise<void> {
    await this.page.goto('/account/password');
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t('account.change.title') });
  }

  get currentPassword(): Locator {
    return this.page.getByLabel(this.t('account.change.current'), { exact: true });
  }

  get newPassword(): Locator {
    return this.page.getByLabel(this.t('account.change.new'), { exact: true });
  }

  async change(currentPassword: string, newPassword: string): Promise<void> {
    await this.currentPassword.fill(currentPassword);
    await this.newPassword.fill(newPassword);
    await this.page.getByRole('button', { name: this.t('account.change.submit') }).click();
  }

  get done(): Locator {
    return this.page.getByRole('status').filter({ hasText: this.t('account.change.done') });
  }

  async logoutEverywhere(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('account.everywhere.submit') }).click();
    await this.page.waitForURL((url) => url.pathname === '/login');
  }
}
