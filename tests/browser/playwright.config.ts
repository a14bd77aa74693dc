import { defineConfig, devices } from '@playwright/test';
import { join, resolve } from 'node:path';

// Playwright's own browser download does not work here: Debian's Chromium (ensure-chromium.js installs it).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = resolve(__dirname, '../../test-results');
const CI = Boolean(process.env.CI);

const chromium = {
  // No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
  launchOptions: {
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  },
};

/**
 * Browser tests (`*.browser.ts`, never picked up by Jest) against one real API the global setup starts.
 * Run with `npm run test:browser`.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.browser.ts',
  outputDir: join(results, 'browser'),
  globalSetup: './support/global-setup.ts',
  fullyParallel: false,
  forbidOnly: CI,
  workers: 2,
  retries: CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: join(results, 'browser-report'), open: 'never' }], ['./support/summary-reporter.ts']],
  use: {
    // Set by the global setup; workers inherit it (the config is read again in every worker).
    baseURL: process.env.BROWSER_BASE_URL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  // Volunteer screens (tests/browser/volunteer/**, or *.phone.browser.ts) run on a phone, the rest on a
  // desktop; the harness's smoke test on both.
  projects: [
    {
      // Volunteers use the portal on their phone.
      name: 'phone',
      testMatch: ['**/volunteer/**/*.browser.ts', '**/*.phone.browser.ts', 'harness.browser.ts'],
      use: { ...devices['Pixel 7'], browserName: 'chromium', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, ...chromium },
    },
    {
      name: 'desktop',
      testIgnore: ['**/volunteer/**', '**/*.phone.browser.ts'],
      use: { browserName: 'chromium', viewport: { width: 1440, height: 900 }, ...chromium },
    },
  ],
});
