import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../shared/testing/screen.page';

const two = (n: number) => String(n).padStart(2, '0');

/** Page object of the coordinator's follow-ups (/follow-ups); found by role and catalogue text. */
export class FollowUpsPage extends ScreenPage {
  protected override readonly title = 'coordinator.followUps.title';
  protected override readonly path = '/follow-ups';

  /** The section of overdue checks, or of the ones coming up, with how many it holds. */
  section(which: 'overdue' | 'soon', count: number): Locator {
    return this.page.getByRole('region', { name: this.t(`coordinator.followUps.${which}`, { count }), exact: true });
  }

  /** The card of a check of `kind` for the match of `volunteer` and `client` (first names). */
  card(kind: string, volunteer: string, client: string): Locator {
    const name = `${this.t(`coordinator.followUps.kind.${kind}`)}: ${this.t('coordinator.followUps.match', { volunteer, client })}`;
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  /** The match's words as a card's heading has them ("Marieke en Wilhelmina"). */
  match(volunteer: string, client: string): string {
    return this.t('coordinator.followUps.match', { volunteer, client });
  }

  /** The success news above the list (role=status). */
  news(key: 'done' | 'snoozed', values: Record<string, string>): Locator {
    return this.page.getByRole('status').filter({ hasText: this.t(`coordinator.followUps.news.${key}`, values) });
  }

  /** Opens the completion form of a card by keyboard (a focused button and Enter). */
  async startCompleting(card: Locator): Promise<void> {
    await card.getByRole('button', { name: this.t('coordinator.followUps.actions.complete') }).press('Enter');
  }

  /** Completes by keyboard only: the outcome's radio focused and chosen with Space, notes typed, Enter on save. */
  async complete(card: Locator, outcome: string, notes?: string): Promise<void> {
    await this.startCompleting(card);
    const radio = card.getByRole('radio', { name: this.t(`coordinator.followUps.outcome.${outcome}`) });
    await radio.focus();
    await this.page.keyboard.press('Space');
    if (notes) await card.getByLabel(this.t('coordinator.followUps.completeForm.notes')).fill(notes);
    await card.getByRole('button', { name: this.t('coordinator.followUps.completeForm.submit') }).press('Enter');
  }

  async startSnoozing(card: Locator): Promise<void> {
    await card.getByRole('button', { name: this.t('coordinator.followUps.actions.snooze') }).press('Enter');
  }

  /** Snoozes to a date and time in Amsterdam ("10:30"), typed into the fields' parts. */
  async snooze(card: Locator, date: { day: number; month: number; year: number }, time: string): Promise<void> {
    await this.startSnoozing(card);
    await this.typeInto(card, this.t('coordinator.followUps.snoozeForm.date'), `${two(date.day)}${two(date.month)}${date.year}`);
    await this.typeInto(card, this.t('coordinator.followUps.snoozeForm.time'), time.replace(':', ''));
    await card.getByRole('button', { name: this.t('coordinator.followUps.snoozeForm.submit') }).press('Enter');
  }

  /** A date or time field is a group of spin buttons: typing from the first fills them in turn. */
  private async typeInto(card: Locator, label: string, digits: string): Promise<void> {
    await card.getByRole('group', { name: label, exact: true }).getByRole('spinbutton').first().focus();
    await this.page.keyboard.type(digits);
  }
}
