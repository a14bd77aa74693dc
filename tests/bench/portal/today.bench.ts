/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { Browser, BrowserContext } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { texts } from '../../../apps/portal/src/shared/i18n/catalogue-for-tests';
import { expect, test } from '../../browser/support/fixtures';

/**
 * The budget of issue 12: the volunteer's Today page is interactive (the urgent offer's Accept button
 * can be pressed) within 2 s on a throttled phone: Chromium's CPU slowed 4×, and DevTools' "Fast 3G"
 * (562.5 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, ×0.9 as DevTools applies them).
 *
 * Anchor in the same run, on the same throttle: the login page for a visitor without a session (the
 * same HTML and JavaScript, one refresh call that fails), so the ratio shows what the API's round trips
 * to Today add. Cold: a new browser profile each time; warm: the same profile opening Today again
 * (assets from the HTTP cache, as on the installed app).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9, uploadThroughput: ((750 * 1024) / 8) * 0.9 };
const t = texts('nl');

async function throttledContext(browser: Browser, cookie?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: process.env.BROWSER_BASE_URL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  if (cookie) {
    const { hostname } = new URL(process.env.BROWSER_BASE_URL ?? '');
    await context.addCookies([{ name: 'vm_refresh', value: cookie, domain: hostname, path: '/api/auth', httpOnly: true, secure: true, sameSite: 'Strict' }]);
  }
  return context;
}

/** Milliseconds from navigation start until a button with this name exists and is enabled, on the page's clock. */
async function timeUntilButton(context: BrowserContext, path: string, name: string): Promise<number> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(path, { waitUntil: 'commit' });
  const found = await page.waitForFunction(
    (label) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label && !b.disabled);
      return button ? performance.now() : false;
    },
    name,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await found.jsonValue()) as number;
}

/** A fresh refresh cookie for the volunteer (each works once), as the login screen would get it. */
async function refreshCookie(email: string, password: string): Promise<string> {
  const response = await fetch(`${process.env.BROWSER_API_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-session': 'cookie' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = /vm_refresh=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`login for the bench failed: ${response.status}`);
  return cookie;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${Math.round(value)} ms`;

function bundleSizes(): { files: string[]; raw: number; gzip: number; brotli: number } {
  const root = resolve(__dirname, '../../../dist/portal');
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const size = (file: string) => statSync(join(root, file)).size;
  return {
    files,
    raw: files.reduce((sum, f) => sum + size(f), 0),
    gzip: files.reduce((sum, f) => sum + size(`${f}.gz`), 0),
    brotli: files.reduce((sum, f) => sum + size(`${f}.br`), 0),
  };
}

test('Today is interactive within 2 s on a throttled phone', async ({ browser, given }) => {
  test.setTimeout(RUNS * 4 * 60_000);
  const volunteer = await given.volunteer({ kind: 'vigil', login: true, firstName: 'Bas' });
  const user = volunteer.user;
  if (!user) throw new Error('no login');
  await given.triage((await given.vigilRequest()).id);
  const accept = t('offer.accept');

  const anchor: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const visitor = await throttledContext(browser);
    anchor.push(await timeUntilButton(visitor, '/login', t('login.submit')));
    await visitor.close();

    const phone = await throttledContext(browser, await refreshCookie(user.email, user.password));
    cold.push(await timeUntilButton(phone, '/', accept));
    warm.push(await timeUntilButton(phone, '/', accept));
    await phone.close();
  }
  const bundle = bundleSizes();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`\nInitial bundle (${bundle.files.join(', ')}): ${kb(bundle.raw)} raw, ${kb(bundle.gzip)} gzip, ${kb(bundle.brotli)} brotli`);
  console.log(`Throttle: CPU ×4, Fast 3G; ${RUNS} runs each; times from navigation start on the page's clock`);
  console.log(`| what | median | max |\n|---|---|---|`);
  console.log(`| anchor: login page, no session | ${ms(median(anchor))} | ${ms(Math.max(...anchor))} |`);
  console.log(`| Today, Accept pressable, cold profile | ${ms(median(cold))} | ${ms(Math.max(...cold))} |`);
  console.log(`| Today, Accept pressable, warm (cached assets) | ${ms(median(warm))} | ${ms(Math.max(...warm))} |`);
  console.log(`Ratio Today cold / anchor: ${(median(cold) / median(anchor)).toFixed(2)}; warm / anchor: ${(median(warm) / median(anchor)).toFixed(2)}`);
  console.log(`Budget 2000 ms: cold ${median(cold) <= 2000 ? 'met' : 'missed'}, warm ${median(warm) <= 2000 ? 'met' : 'missed'}`);
  expect(cold.length).toBe(RUNS); // a benchmark, not a timed test: it reports, it does not fail on time
});
