import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../shared/testing/screen.page';

/** Page object of the requests list; finds everything by the words of the page's language. */
export class RequestsPage extends ScreenPage {
  protected override readonly title = 'coordinator.requests.title';
  protected override readonly path = '/requests';

  table(): Locator {
    return this.page.getByRole('table');
  }

  /** Rows of the table body (the header row has column headers only). */
  rows(): Locator {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  row(clientName: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name: clientName }) });
  }

  /** Picks an option of a filter (React Aria select: its button, then the option). */
  async filter(labelKey: 'status' | 'kind' | 'programme', option: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(this.t(`coordinator.requests.${labelKey}`)) }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async filterStatus(status: string): Promise<void> {
    await this.filter('status', this.t(`coordinator.vocab.statuses.${status}`));
  }

  async openRequest(clientName: string): Promise<void> {
    await this.row(clientName).getByRole('link', { name: clientName }).click();
  }
}
