import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../shared/testing/screen.page';

/** Page object of Today: urgent vigil offers, proposals to answer, the next visits. */
export class TodayPage extends ScreenPage {
  protected override readonly title = 'today.title';

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
