import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../shared/testing/screen.page';

export type VisitStatusName = 'planned' | 'confirmed' | 'declined' | 'done' | 'cancelled' | 'missed';

export interface VisitPlan {
  /** The client's first name (needed when the volunteer has more than one). */
  client?: string;
  date: { day: number; month: number; year: number };
  /** "14:00" */
  from: string;
  until: string;
  note?: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/** Page object of "my visits" (/visits) and of planning one (/visits/new); found by role and catalogue text. */
export class VisitsPage extends ScreenPage {
  protected override readonly title = 'visits.title';
  protected override readonly path = '/visits';

  /** The card of the visit with `client` starting at `time` ("14:00"). */
  visit(client: string, time: string): Locator {
    const title = this.page.getByRole('heading', { level: 4, name: new RegExp(`^${time} .*${client}`) });
    return this.page.getByRole('listitem').filter({ has: title });
  }

  /** Every visit card shown (the menu's items are outside the main part). */
  cards(): Locator {
    return this.page.getByRole('main').getByRole('listitem');
  }

  async loadMore(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('visits.more') }).click();
  }

  moreButton(): Locator {
    return this.page.getByRole('button', { name: this.t('visits.more') });
  }

  /** The day heading above a group of visits ("Vandaag, …", or the date). */
  day(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 3, name });
  }

  statusOf(visit: Locator, status: VisitStatusName): Locator {
    return visit.getByText(this.t(`visits.status.${status}`));
  }

  /** The success news at the top of the list (role=status). */
  news(key: string, values?: Record<string, string>): Locator {
    return this.page.getByRole('status').filter({ hasText: this.t(`visits.news.${key}`, values) });
  }

  async confirm(visit: Locator): Promise<void> {
    await visit.getByRole('button', { name: this.t('visits.actions.confirm') }).click();
    await this.news('confirmed').waitFor();
  }

  async complete(visit: Locator, note?: string): Promise<void> {
    await this.withText(visit, 'complete', note);
    await this.news('done').waitFor();
  }

  async cancel(visit: Locator, reason?: string): Promise<void> {
    await this.withText(visit, 'cancel', reason);
    await this.news('cancelled').waitFor();
  }

  async decline(visit: Locator, reason?: string): Promise<void> {
    await this.withText(visit, 'decline', reason);
    await this.news('declined').waitFor();
  }

  /** Opens the planning screen from the list. */
  async startPlanning(): Promise<void> {
    await this.page.getByRole('link', { name: this.t('visits.plan') }).click();
    await this.h1('visits.planForm.title').waitFor();
  }

  /** Fills in the plan form and sends it (it stays on the form when the API refuses). */
  async plan(plan: VisitPlan): Promise<void> {
    if (plan.client) await this.page.getByRole('radio', { name: new RegExp(`^${plan.client}`) }).check();
    await this.typeInto(this.t('visits.planForm.date'), `${two(plan.date.day)}${two(plan.date.month)}${plan.date.year}`);
    await this.typeInto(this.t('visits.planForm.start'), plan.from.replace(':', ''));
    await this.typeInto(this.t('visits.planForm.end'), plan.until.replace(':', ''));
    if (plan.note) await this.page.getByLabel(this.t('visits.planForm.note')).fill(plan.note);
    await this.page.getByRole('button', { name: this.t('visits.planForm.submit') }).click();
  }

  /** Plans and waits for the list with the news of it. */
  async planAndReturn(plan: VisitPlan): Promise<void> {
    await this.plan(plan);
    await this.heading().waitFor();
  }

  /** The refusal next to the plan form. */
  planError(): Locator {
    return this.page.getByRole('alert').filter({ hasText: this.t('visits.planForm.failed') });
  }

  /** A date or time field is a group of spin buttons (day, month, year / hours, minutes): typing fills them in turn. */
  private async typeInto(label: string, digits: string): Promise<void> {
    await this.page.getByRole('group', { name: label, exact: true }).getByRole('spinbutton').first().click();
    await this.page.keyboard.type(digits);
  }

  private async withText(visit: Locator, action: 'complete' | 'cancel' | 'decline', text?: string): Promise<void> {
    await visit.getByRole('button', { name: this.t(`visits.actions.${action}`) }).click();
    if (text) await visit.getByLabel(this.t(`visits.${action}Form.text`)).fill(text);
    await visit.getByRole('button', { name: this.t(`visits.${action}Form.submit`) }).click();
  }
}
