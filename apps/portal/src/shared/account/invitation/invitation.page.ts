import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../testing/screen.page';

/** Page object of the invitation link's screen (choose a password). */
export class InvitationPage extends ScreenPage {
  // open(link) with the link of the invitation email (`/invitation#token=…`).
  protected override readonly title = 'account.invitation.title';

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
