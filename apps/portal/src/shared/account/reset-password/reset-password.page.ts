import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../testing/screen.page';

/** Page object of the reset link's screen (a new password). */
export class ResetPasswordPage extends ScreenPage {
  // open(link) with the link of the reset email (`/reset-password#token=…`).
  protected override readonly title = 'account.reset.title';

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
