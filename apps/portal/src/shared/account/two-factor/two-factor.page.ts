import { expect, Locator } from '@playwright/test';
import { ScreenPage } from '../../testing/screen.page';

/** Page object of the login's second step (and of setting up the app when the organisation requires it). */
export class TwoFactorPage extends ScreenPage {
  protected override readonly title = 'account.twoFactor.title';

  get enrolHeading(): Locator {
    return this.h1('account.twoFactor.enrol.title');
  }

  get code(): Locator {
    return this.page.getByLabel(this.t('account.twoFactor.code'), { exact: true });
  }

  async enterCode(code: string): Promise<void> {
    await this.code.fill(code);
    await this.submit();
  }

  async enterRecoveryCode(code: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('account.twoFactor.useRecovery') }).click();
    await this.page.getByLabel(this.t('account.twoFactor.recoveryCode'), { exact: true }).fill(code);
    await this.submit();
  }

  async startEnrolment(): Promise<void> {
    await expect(this.enrolHeading).toBeVisible();
    await this.page.getByRole('button', { name: this.t('account.twoFactor.enrol.start') }).click();
    await expect(this.qrCode).toBeVisible();
  }

  get qrCode(): Locator {
    return this.page.getByRole('img', { name: this.t('account.twoFactor.enrol.qr') });
  }

  /** The key shown for typing into the app (without its grouping spaces). */
  async secret(): Promise<string> {
    const key = this.page.getByRole('paragraph').filter({ hasText: this.t('account.twoFactor.enrol.secret') }).getByRole('code');
    return (await key.innerText()).replace(/\s/g, '');
  }

  get recoveryCodes(): Locator {
    return this.page.getByRole('list', { name: this.t('account.twoFactor.codes.list') }).getByRole('listitem');
  }

  /** Confirms the codes are kept and goes on into the portal. */
  async keepRecoveryCodes(): Promise<void> {
    const go = this.page.getByRole('button', { name: this.t('account.twoFactor.codes.continue') });
    await expect(go).toBeDisabled();
    // Pressed on its words, as a person does (React Aria keeps the real input visually hidden).
    await this.page.getByText(this.t('account.twoFactor.codes.kept')).click();
    await expect(this.page.getByRole('checkbox', { name: this.t('account.twoFactor.codes.kept') })).toBeChecked();
    await go.click();
  }

  private async submit(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('account.twoFactor.submit') }).click();
  }
}
