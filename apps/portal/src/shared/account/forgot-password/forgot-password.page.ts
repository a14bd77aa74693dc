import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../testing/screen.page';

/** Page object of the forgotten-password screen. */
export class ForgotPasswordPage extends ScreenPage {
  protected override readonly title = 'account.forgot.title';
  protected override readonly path = '/forgot-password';

  async request(email: string): Promise<void> {
    await this.page.getByLabel(this.t('login.email')).fill(email);
    await this.page.getByRole('button', { name: this.t('account.forgot.submit') }).click();
  }

  /** The API's answer once the request is taken (the same words for any address). */
  get accepted(): Locator {
    return this.page.getByRole('status');
  }
}
