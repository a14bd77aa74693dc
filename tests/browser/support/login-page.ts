import { expect, Page } from '@playwright/test';

/**
 * Stand-in for the portal's page object (apps/portal/src/shared/account/login/login.page.ts), written
 * against the same contract until that exists: `/login`, fields "E-mailadres" and "Wachtwoord", button
 * "Inloggen". Import the portal's one instead once it lands, and delete this file.
 */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/login');
  }

  /** Logs in from the login page and waits until the portal has left it. */
  async login(email: string, password: string): Promise<void> {
    if (!new URL(this.page.url(), 'http://x').pathname.startsWith('/login')) await this.goto();
    await this.page.getByLabel('E-mailadres').fill(email);
    await this.page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(this.page).not.toHaveURL(/\/login/);
  }
}
