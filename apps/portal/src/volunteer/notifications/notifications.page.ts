import type { Locator, Page } from '@playwright/test';
import { Catalogue, texts } from '../../shared/i18n/catalogue-for-tests';

type Channel = 'email' | 'push' | 'sms';

/** Page object of the notification settings. */
export class NotificationSettingsPage {
  readonly t: Catalogue;

  constructor(
    private readonly page: Page,
    language: 'nl' | 'en' = 'nl',
  ) {
    this.t = texts(language);
  }

  async open(): Promise<void> {
    await this.page.goto('/profile/notifications');
    await this.page.getByRole('heading', { level: 1, name: this.t('notificationSettings.title') }).waitFor();
    await this.saveButton().waitFor();
  }

  pushSwitch(): Locator {
    return this.page.getByRole('switch', { name: this.t('notificationSettings.push.label') });
  }

  /** The sentence under the switch that says what push is on this device. */
  pushState(state: 'on' | 'off' | 'blocked' | 'unsupported'): Locator {
    return this.page.getByText(this.t(`notificationSettings.push.state.${state}`));
  }

  pushProblem(problem: 'blocked' | 'dismissed' | 'noWorker' | 'browserRefused' | 'serviceUnreachable'): Locator {
    return this.page.getByRole('alert').filter({ hasText: this.t(`notificationSettings.push.problem.${problem}`) });
  }

  kind(kind: string): Locator {
    return this.page.getByRole('group', { name: this.t(`notificationSettings.kinds.${kind}`) });
  }

  channel(kind: string, channel: Channel): Locator {
    return this.kind(kind).getByRole('checkbox', { name: this.t(`notificationSettings.channels.${channel}`) });
  }

  digest(kind: string): Locator {
    return this.kind(kind).getByRole('checkbox', { name: this.t('notificationSettings.digest') });
  }

  quietHours(): Locator {
    return this.page.getByRole('switch', { name: this.t('notificationSettings.quiet.label') });
  }

  quietStart(): Locator {
    return this.page.getByLabel(this.t('notificationSettings.quiet.start'), { exact: true });
  }

  quietEnd(): Locator {
    return this.page.getByLabel(this.t('notificationSettings.quiet.end'), { exact: true });
  }

  digestAt(): Locator {
    return this.page.getByLabel(this.t('notificationSettings.digestAt'));
  }

  saveButton(): Locator {
    return this.page.getByRole('button', { name: this.t('common.save') });
  }

  async save(): Promise<void> {
    await this.saveButton().click();
    await this.page.getByRole('status').filter({ hasText: this.t('notificationSettings.saved') }).waitFor();
  }
}
