import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../shared/testing/screen.page';

/** Page object of a request's candidates: ranked, excluded, why not one, proposing and the answers. */
export class CandidatesPage extends ScreenPage {
  protected override readonly title = 'coordinator.candidates.title';

  override async open(requestId: string): Promise<void> {
    await super.open(`/requests/${requestId}/candidates`);
  }

  /** The ranked list's items, best first. */
  ranked(): Locator {
    return this.page.getByRole('region', { name: this.t('coordinator.candidates.ranked.title') }).getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3 }) });
  }

  /** One candidate by rank and name (its heading names the item). */
  candidate(rank: number, name: string): Locator {
    return this.page.getByRole('listitem', { name: this.t('coordinator.candidates.ranked.rank', { rank, name }) });
  }

  /** A score part's bar of a candidate, named by its value in words. */
  bar(candidate: Locator, part: string, points: string, weight: string): Locator {
    return candidate.getByRole('img', { name: this.t('coordinator.candidates.pointsOf', { part: this.t(`coordinator.candidates.components.${part}`), points, weight }) });
  }

  lowerThan(candidate: Locator, name: string): Locator {
    return candidate.getByText(this.t('coordinator.candidates.lowerThan', { name, parts: '' }));
  }

  choose(name: string): Locator {
    return this.page.getByRole('checkbox', { name: this.t('coordinator.candidates.choose', { name }) });
  }

  proposeButton(count: number): Locator {
    return this.page.getByRole('button', { name: this.t('coordinator.candidates.propose', { count }) });
  }

  excluded(): Locator {
    return this.page.getByRole('region', { name: this.t('coordinator.candidates.excluded.title') });
  }

  /** The rule's name in the excluded list, as "<rule>:". */
  excludedRule(rule: string): string {
    return `${this.t(`coordinator.candidates.rules.${rule}`)}:`;
  }

  proposals(): Locator {
    return this.page.getByRole('region', { name: this.t('coordinator.candidates.proposals.title') });
  }

  status(status: string): string {
    return this.t(`coordinator.candidates.status.${status}`);
  }

  async whyNot(name: string, fullName: string): Promise<Locator> {
    await this.page.getByLabel(this.t('coordinator.candidates.whyNot.name')).fill(name);
    await this.page.getByRole('button', { name: this.t('coordinator.candidates.whyNot.search') }).click();
    await this.page.getByRole('list', { name: this.t('coordinator.candidates.whyNot.found') }).getByRole('button', { name: fullName }).click();
    return this.page.getByRole('region', { name: fullName });
  }
}
