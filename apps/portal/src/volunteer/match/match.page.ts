import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../shared/testing/screen.page';

/** Page object of one match: a proposal to answer, or the answered match (address and phone once active). */
export class MatchPage extends ScreenPage {
  override async open(id: string): Promise<void> {
    await this.page.goto(`/matches/${id}`);
  }

  proposalHeading(firstName: string): Locator {
    return this.h1('match.title', { name: firstName });
  }

  activeHeading(firstName: string): Locator {
    return this.h1('match.status.active', { name: firstName });
  }

  declinedHeading(firstName: string): Locator {
    return this.h1('match.status.declined', { name: firstName });
  }

  acceptButton(): Locator {
    return this.page.getByRole('button', { name: this.t('match.accept') });
  }

  declineButton(): Locator {
    return this.page.getByRole('button', { name: this.t('match.decline') });
  }

  reason(code: string): Locator {
    return this.page.getByRole('radio', { name: this.t(`match.reasons.${code}`) });
  }

  /** Picks a reason as a finger does: on its words (the radio itself is visually hidden). */
  async chooseReason(code: string): Promise<void> {
    await this.page.getByText(this.t(`match.reasons.${code}`), { exact: true }).click();
  }

  async decline(code: string, note?: string): Promise<void> {
    await this.declineButton().click();
    await this.chooseReason(code);
    if (note) await this.page.getByLabel(this.t('match.declineNote')).fill(note);
    await this.page.getByRole('button', { name: this.t('match.declineConfirm') }).click();
  }

  /** The label of a fact (dt), e.g. `clientView.address`; absent until the API sends the fact. */
  factLabel(labelKey: string): Locator {
    return this.page.locator('dt', { hasText: this.t(labelKey) });
  }

  fact(labelKey: string): Locator {
    return this.factLabel(labelKey).locator('xpath=following-sibling::dd[1]');
  }
}
