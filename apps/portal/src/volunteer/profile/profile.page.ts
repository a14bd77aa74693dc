import type { Locator } from '@playwright/test';
import { texts } from '../../shared/i18n/catalogue-for-tests';
import { ScreenPage } from '../../shared/testing/screen.page';

/** Page object of "Profiel"; build a new one in the other language after switching. */
export class ProfilePage extends ScreenPage {
  protected override readonly title = 'profile.title';

  /** From any signed-in screen, through the menu (as a volunteer does; no page load). */
  override async open(): Promise<void> {
    await this.navLink('nav.profile').click();
    await this.shown();
  }

  async shown(): Promise<void> {
    await this.heading().waitFor();
  }

  name(): Locator {
    return this.page.getByRole('textbox', { name: this.t('profile.details.name') });
  }

  phone(): Locator {
    return this.page.getByRole('textbox', { name: this.t('profile.details.phone') });
  }

  async saveDetails(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('profile.details.save') }).click();
    await this.status(this.t('profile.details.saved')).waitFor();
  }

  credentials(): Locator {
    return this.page.getByRole('region', { name: this.t('profile.credentials.title') }).getByRole('listitem');
  }

  /** Makes a calendar address and answers it as shown. */
  async makeCalendarAddress(): Promise<string> {
    await this.page.getByRole('button', { name: this.t('profile.calendar.make') }).click();
    const address = this.calendarAddress();
    await address.waitFor();
    return address.inputValue();
  }

  calendarAddress(): Locator {
    return this.page.getByRole('textbox', { name: this.t('profile.calendar.address') });
  }

  async copyCalendarAddress(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('profile.calendar.copy') }).click();
    await this.status(this.t('profile.calendar.copied')).waitFor();
  }

  qrCode(): Locator {
    return this.page.getByRole('img', { name: this.t('profile.calendar.qr') });
  }

  async stopCalendar(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('profile.calendar.stop') }).click();
    await this.status(this.t('profile.calendar.stopped')).waitFor();
  }

  language(language: 'nl' | 'en'): Locator {
    return this.page.getByRole('radio', { name: this.t(`common.languages.${language}`) });
  }

  /** Chooses a language by tapping its name; the page answers in it (use a page object in that language). */
  async chooseLanguage(language: 'nl' | 'en'): Promise<void> {
    const group = this.page.getByRole('radiogroup', { name: this.t('profile.language.label') });
    await group.getByText(this.t(`common.languages.${language}`), { exact: true }).click();
    await this.page.getByRole('status').filter({ hasText: texts(language)('profile.language.changed') }).waitFor();
  }

  passwordLink(): Locator {
    return this.page.getByRole('link', { name: this.t('profile.account.password') });
  }

  notificationsLink(): Locator {
    return this.page.getByRole('link', { name: this.t('profile.account.notifications') });
  }

  status(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }
}
