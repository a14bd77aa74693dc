import type { Locator, Page } from '@playwright/test';
import { Catalogue, texts } from '../../shared/i18n/catalogue-for-tests';

/** Page object of Today: urgent vigil offers, proposals to answer, the next visits. */
export class TodayPage {
  readonly t: Catalogue;

  constructor(
    private readonly page: Page,
    language: 'nl' | 'en' = 'nl',
  ) {
    this.t = texts(language);
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.heading().waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t('today.title') });
  }

  /** The card of an open vigil offer, found by the client's first name. */
  vigilOffer(firstName: string): Locator {
    return this.page.getByRole('article', { name: this.t('today.vigilFor', { name: firstName }) });
  }

  acceptButton(firstName: string): Locator {
    return this.vigilOffer(firstName).getByRole('button', { name: this.t('offer.accept') });
  }

  async acceptVigil(firstName: string): Promise<void> {
    await this.acceptButton(firstName).click();
  }

  declineLink(firstName: string): Locator {
    return this.vigilOffer(firstName).getByRole('link', { name: this.t('offer.decline') });
  }

  noVigils(): Locator {
    return this.page.getByText(this.t('today.noVigils'));
  }

  proposalLink(firstName: string): Locator {
    return this.page.getByRole('link', { name: this.t('today.answerProposal', { name: firstName }) });
  }

  nextVisits(): Locator {
    return this.page.getByRole('region', { name: this.t('today.nextVisits') });
  }
}
