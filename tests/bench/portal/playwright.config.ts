import { defineConfig } from '@playwright/test';
import base from '../../browser/playwright.config';

/**
 * `npm run bench:portal`: the volunteer's Today page on a throttled phone, against the same API the
 * browser tests start (their global setup). One worker: nothing else may compete for the two cores.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.bench.ts',
  globalSetup: '../../browser/support/global-setup.ts',
  workers: 1,
  retries: 0,
  timeout: 600_000,
  reporter: [['list']],
  projects: [base.projects?.find((project) => project.name === 'phone') ?? {}].map((project) => ({ ...project, testMatch: '*.bench.ts' })),
});
