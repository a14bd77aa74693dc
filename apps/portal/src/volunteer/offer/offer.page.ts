import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../shared/testing/screen.page';

/** Page object of one vigil offer: open, accepted (the confirmed vigil), declined, or taken by someone else. */
export class OfferPage extends ScreenPage {
  override async open(id: string): Promise<void> {
    await this.page.goto(`/offers/${id}`);
  }

  openHeading(firstName: string): Locator {
    return this.h1('offer.title', { name: firstName });
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
    return this.h1('offer.accepted.title', { name: firstName });
  }

  declinedHeading(): Locator {
    return this.h1('offer.declined.title');
  }

  takenHeading(): Locator {
    return this.h1('offer.taken.title');
  }

  closedHeading(): Locator {
    return this.h1('offer.closed.title');
  }

  /** The value of one fact (dt/dd) by its label, e.g. `clientView.address`. */
  fact(labelKey: string): Locator {
    return this.page.locator('dt', { hasText: this.t(labelKey) }).locator('xpath=following-sibling::dd[1]');
  }
}
