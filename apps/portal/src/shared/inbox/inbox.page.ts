import type { Locator } from '@playwright/test';
import { ScreenPage } from '../testing/screen.page';

/** Page object of the inbox; finds everything by the words of the page's language. */
export class InboxPage extends ScreenPage {
  protected override readonly title = 'inbox.title';
  protected override readonly path = '/inbox';

  /** The menu link to the inbox; its name carries the unread count ("Berichten 2 ongelezen"). */
  menuLink(): Locator {
    return this.page.getByRole('navigation', { name: this.t('nav.main') }).getByRole('link', { name: new RegExp(`^${this.t('nav.inbox')}`) });
  }

  async unreadBadge(): Promise<number> {
    const name = (await this.menuLink().textContent()) ?? '';
    const match = /(\d+)/.exec(name);
    return match ? Number(match[1]) : 0;
  }

  items(): Locator {
    return this.page.getByRole('main').getByRole('listitem');
  }

  item(title: string): Locator {
    return this.items().filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  async isUnread(title: string): Promise<boolean> {
    return (await this.item(title).getByText(this.t('inbox.unread'), { exact: true }).count()) > 0;
  }

  async openItem(title: string): Promise<void> {
    await this.item(title).getByRole('link', { name: title }).click();
  }

  async markAllRead(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('inbox.markAllRead') }).click();
  }

  async more(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('inbox.more') }).click();
  }
}
