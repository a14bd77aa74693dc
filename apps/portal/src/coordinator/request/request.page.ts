import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../shared/testing/screen.page';

/** Page object of one request and its triage. */
export class RequestPage extends ScreenPage {
  section(key: string): Locator {
    return this.page.getByRole('region', { name: this.t(`coordinator.request.${key}`) });
  }

  status(): Locator {
    return this.section('summary').getByRole('definition').first();
  }

  decision(decision: 'accept' | 'needs_info' | 'reject'): Locator {
    return this.page.getByRole('radio', { name: this.t(`coordinator.request.decisions.${decision}`) });
  }

  /** Picks a decision on its words, as a mouse does (the radio itself is visually hidden). */
  async choose(decision: 'accept' | 'needs_info' | 'reject'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: this.t('coordinator.request.decision') }).getByText(this.t(`coordinator.request.decisions.${decision}`), { exact: true }).click();
  }

  reason(decision: 'needs_info' | 'reject'): Locator {
    return this.page.getByRole('textbox', { name: this.t(decision === 'needs_info' ? 'coordinator.request.question' : 'coordinator.request.reason') });
  }

  submitTriage(): Locator {
    return this.page.getByRole('button', { name: this.t('coordinator.request.submitTriage') });
  }

  saved(): Locator {
    return this.page.getByRole('status').filter({ hasText: this.t('coordinator.request.triaged') });
  }

  candidatesLink(): Locator {
    return this.page.getByRole('link', { name: this.t('coordinator.request.candidates') });
  }

  history(): Locator {
    return this.section('history').getByRole('listitem');
  }
}
