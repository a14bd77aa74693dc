import { expect, Locator, Page } from '@playwright/test';
import { Catalogue, texts } from '../i18n/catalogue-for-tests';

export type Language = 'nl' | 'en';

/**
 * What every screen's page object shares: the page, the words of its language (build a new one after
 * switching), the screen's h1 and how to open it. Named *.page.ts so the portal's build leaves it out.
 */
export abstract class ScreenPage {
  readonly t: Catalogue;
  /** The catalogue key of the screen's h1; none where it depends on what is shown (then any h1). */
  protected readonly title?: string;
  /** Where `open()` goes. */
  protected readonly path: string = '/';

  constructor(
    protected readonly page: Page,
    language: Language = 'nl',
  ) {
    this.t = texts(language);
  }

  heading(): Locator {
    return this.title ? this.h1(this.title) : this.page.getByRole('heading', { level: 1 });
  }

  /** Goes to the screen's address (or the one given, such as an emailed link) and waits for its title. */
  async open(address: string = this.path): Promise<void> {
    await this.page.goto(address);
    await expect(this.heading()).toBeVisible();
  }

  /** A level-1 heading by its catalogue key. */
  protected h1(key: string, values?: Record<string, string | number>): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t(key, values) });
  }

  /** The main menu's link by its catalogue key. */
  protected navLink(key: string): Locator {
    return this.page.getByRole('navigation', { name: this.t('nav.main') }).getByRole('link', { name: this.t(key) });
  }
}
