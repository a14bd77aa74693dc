import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../shared/testing/screen.page';

type Channel = 'email' | 'push' | 'sms';

/** Page object of the notification settings. */
export class NotificationSettingsPage extends ScreenPage {
  protected override readonly title = 'notificationSettings.title';
  protected override readonly path = '/profile/notifications';

  override async open(): Promise<void> {
    await super.open();
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
    return this.kind(kind).getByRole('checkbox', { name: this.t(`notificationSettings.channels.${channel}`), exact: true });
  }

  digest(kind: string): Locator {
    return this.kind(kind).getByRole('checkbox', { name: this.t('notificationSettings.digest'), exact: true });
  }

  quietHours(): Locator {
    return this.page.getByRole('switch', { name: this.t('notificationSettings.quiet.label') });
  }

  /** Time fields are groups of two spin buttons (hours, minutes). */
  quietStart(): Locator {
    return this.page.getByRole('group', { name: this.t('notificationSettings.quiet.start'), exact: true });
  }

  quietEnd(): Locator {
    return this.page.getByRole('group', { name: this.t('notificationSettings.quiet.end'), exact: true });
  }

  digestAt(): Locator {
    return this.page.getByRole('group', { name: this.t('notificationSettings.digestAt'), exact: true });
  }

  /** Types "22:30" into a time field: the hours' spin button first, then it moves on by itself. */
  async setTime(field: Locator, time: string): Promise<void> {
    await field.getByRole('spinbutton').first().click();
    await this.page.keyboard.type(time.replace(':', ''));
  }

  /** A time field's value as "HH:MM". */
  async timeOf(field: Locator): Promise<string> {
    const [hours, minutes] = await Promise.all([0, 1].map((i) => field.getByRole('spinbutton').nth(i).getAttribute('aria-valuenow')));
    return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  }

  /**
   * Switches and checkboxes by keyboard, as a keyboard user would: React Aria hides the native input
   * under its drawn box, so a pointer click on the input itself is intercepted.
   */
  async toggle(control: Locator, on: boolean): Promise<void> {
    if ((await control.isChecked()) === on) return;
    await control.focus();
    await this.page.keyboard.press('Space');
  }

  setChannel(kind: string, channel: Channel, on: boolean): Promise<void> {
    return this.toggle(this.channel(kind, channel), on);
  }

  setDigest(kind: string, on: boolean): Promise<void> {
    return this.toggle(this.digest(kind), on);
  }

  setQuietHours(on: boolean): Promise<void> {
    return this.toggle(this.quietHours(), on);
  }

  setPush(on: boolean): Promise<void> {
    return this.toggle(this.pushSwitch(), on);
  }

  saveButton(): Locator {
    return this.page.getByRole('button', { name: this.t('common.save') });
  }

  async save(): Promise<void> {
    await this.saveButton().click();
    await this.page.getByRole('status').filter({ hasText: this.t('notificationSettings.saved') }).waitFor();
  }
}
