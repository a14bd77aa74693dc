import { ScreenPage } from '../../testing/screen.page';

/** Page object of the login screen; labels come from the catalogue of the page's language. */
export class LoginPage extends ScreenPage {
  protected override readonly title = 'login.title';

  // Without waiting for the title: a signed-in browser is sent on.
  override async open(): Promise<void> {
    await this.page.goto('/login');
  }

  async login(email: string, password: string): Promise<void> {
    if (!this.page.url().includes('/login')) await this.open();
    await this.page.getByLabel(this.t('login.email')).fill(email);
    await this.page.getByLabel(this.t('login.password'), { exact: true }).fill(password);
    await this.page.getByRole('button', { name: this.t('login.submit') }).click();
    await this.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }
}
