import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { Given, Person, Volunteer } from './api';
import { LoginPage } from '../../../apps/portal/src/shared/account/login/login.page';
import { Mailbox } from './mailbox';

const SCREENS = resolve(__dirname, '../../../test-results/screens');

/** Test data per test file (see Given): the tests of a file run in one worker, so they share it. */
const givenPerFile = new Map<string, Given>();
export function givenFor(file: string): Given {
  let given = givenPerFile.get(file);
  if (!given) givenPerFile.set(file, (given = new Given()));
  return given;
}

interface Fixtures {
  given: Given;
  mailbox: Mailbox;
  /** The file's volunteer (a buddy, with a login), for tests that do not care which. */
  volunteer: Volunteer;
  /** A page logged in as `volunteer` through the login screen. */
  volunteerPage: Page;
  /** The file's coordinator. */
  coordinator: Person;
  /** A page logged in as `coordinator` through the login screen. */
  coordinatorPage: Page;
}

export const test = base.extend<Fixtures>({
  given: async ({}, use, testInfo) => use(givenFor(testInfo.file)),
  mailbox: async ({}, use) => use(new Mailbox()),
  volunteer: async ({ given }, use) => use(await given.volunteer({ login: true })),
  volunteerPage: async ({ page, volunteer }, use) => {
    const user = volunteer.user;
    if (!user) throw new Error('the volunteer fixture has no login');
    await new LoginPage(page).login(user.email, user.password);
    await use(page);
  },
  coordinator: async ({ given }, use) => use(await given.coordinator()),
  coordinatorPage: async ({ page, coordinator }, use) => {
    await new LoginPage(page).login(coordinator.email, coordinator.password);
    await use(page);
  },
});

export { expect };

/**
 * Fails with every serious or critical WCAG 2.1 A/AA violation axe finds on the page as it is now,
 * each with its rule, help text and elements. `screenName` names the screen in the message.
 */
export async function expectAccessible(page: Page, screenName: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`).join('\n');
  expect(serious, `${screenName}: ${serious.length} serious accessibility violation(s)\n${report}`).toEqual([]);
}

/** A full-page screenshot for review, at test-results/screens/<name>.png (never committed). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
