import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../testing/screen.page';

/** Page object of the change-password screen (signed in). */
export class ChangePasswordPage extends ScreenPage {
  protected override readonly title = 'account.change.title';
  protected override readonly path = '/account/password';

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
