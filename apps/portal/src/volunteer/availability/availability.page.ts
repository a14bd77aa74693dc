import type { Locator } from '@playwright/test';
import { ScreenPage } from '../../shared/testing/screen.page';

type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
type Part = 'morning' | 'afternoon' | 'evening' | 'night';
const PARTS: Part[] = ['morning', 'afternoon', 'evening', 'night'];

/** Page object of "Beschikbaarheid": the week, absences and the travel distance, found by their words. */
export class AvailabilityPage extends ScreenPage {
  protected override readonly title = 'availability.title';

  /** From any signed-in screen, through the menu (as a volunteer does; no page load). */
  override async open(): Promise<void> {
    await this.navLink('nav.availability').click();
    await this.shown();
  }

  /** Waits until the screen shows the volunteer's week (after `open`, a reload or a direct address). */
  async shown(): Promise<void> {
    await this.heading().waitFor();
    await this.slot('mon', 'morning').waitFor();
  }

  /** The toggle button of one part of a day ("maandag ochtend"); aria-pressed says whether it is chosen. */
  slot(day: Day, part: Part): Locator {
    const name = this.t('availability.week.slot', { day: this.t(`availability.days.${day}`), part: this.t(`availability.parts.${part}`) });
    return this.page.getByRole('button', { name, exact: true });
  }

  /** By touch: the phone's way. */
  async tap(day: Day, part: Part): Promise<void> {
    await this.slot(day, part).tap();
  }

  /** By keyboard: into the day's row, arrow keys to the part, space to toggle. */
  async toggleByKeyboard(day: Day, part: Part): Promise<void> {
    await this.slot(day, 'morning').focus();
    for (let i = 0; i < PARTS.indexOf(part); i++) await this.page.keyboard.press('ArrowRight');
    await this.page.keyboard.press('Space');
  }

  async saveWeek(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('availability.week.save') }).click();
    await this.page.getByRole('status').filter({ hasText: this.t('availability.week.saved') }).waitFor();
  }

  absences(): Locator {
    return this.page.getByRole('region', { name: this.t('availability.absences.title') }).getByRole('listitem');
  }

  /** Opens the calendar of the absence period (a dialog). */
  async openCalendar(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('availability.absences.openCalendar') }).click();
    await this.page.getByRole('dialog').waitFor();
  }

  /** Types the first and last day (YYYY-MM-DD) into the date fields, in the page's day-month-year order. */
  async addAbsence(first: string, last: string, reason = ''): Promise<void> {
    const spin = this.page.getByRole('group', { name: this.t('availability.absences.period') }).getByRole('spinbutton');
    const typed = (day: string) => {
      const [year, month, date] = day.split('-');
      return `${date}${month}${year}`;
    };
    await spin.nth(0).click();
    await this.page.keyboard.type(typed(first));
    await spin.nth(3).click();
    await this.page.keyboard.type(typed(last));
    if (reason) await this.page.getByLabel(this.t('availability.absences.reason')).fill(reason);
    await this.page.getByRole('button', { name: this.t('availability.absences.add'), exact: true }).click();
  }

  /** Removes the absence whose list item shows `text` (its reason, say). */
  async removeAbsence(text: string): Promise<void> {
    await this.absences().filter({ hasText: text }).getByRole('button').click();
  }

  travelKm(): Locator {
    return this.page.getByLabel(this.t('availability.limits.travel'), { exact: true });
  }

  async setTravelKm(km: number): Promise<void> {
    await this.travelKm().fill(String(km));
    await this.page.getByRole('button', { name: this.t('availability.limits.save') }).click();
    await this.page.getByRole('status').filter({ hasText: this.t('availability.limits.saved') }).waitFor();
  }
}
