import type { Locator, Page } from '@playwright/test';
import { Catalogue, texts } from '../../shared/i18n/catalogue-for-tests';

/** Page object of one vigil offer: open, accepted (the confirmed vigil), declined, or taken by someone else. */
export class OfferPage {
  readonly t: Catalogue;

  constructor(
    private readonly page: Page,
    language: 'nl' | 'en' = 'nl',
  ) {
    this.t = texts(language);
  }

  async open(id: string): Promise<void> {
    await this.page.goto(`/offers/${id}`);
  }

  openHeading(firstName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t('offer.title', { name: firstName }) });
  }

  acceptButton(): Locator {
    return this.page.getByRole('button', { name: this.t('offer.accept') });
  }

  declineButton(): Locator {
    return this.page.getByRole('button', { name: this.t('offer.decline') });
  }

  async decline(reason?: string): Promise<void> {
    await this.declineButton().click();
    if (reason) await this.page.getByLabel(this.t('offer.declineReason')).fill(reason);
    await this.page.getByRole('button', { name: this.t('offer.declineConfirm') }).click();
  }

  /** The confirmed vigil's heading: it takes the focus after accepting. */
  acceptedHeading(firstName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t('offer.accepted.title', { name: firstName }) });
  }

  declinedHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t('offer.declined.title') });
  }

  takenHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t('offer.taken.title') });
  }

  closedHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t('offer.closed.title') });
  }

  /** The value of one fact (dt/dd) by its label, e.g. `clientView.address`. */
  fact(labelKey: string): Locator {
    return this.page.locator('dt', { hasText: this.t(labelKey) }).locator('xpath=following-sibling::dd[1]');
  }
}
