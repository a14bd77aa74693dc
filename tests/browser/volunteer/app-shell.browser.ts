import { texts } from '../../../apps/portal/src/shared/i18n/catalogue-for-tests';
import { expect, test } from '../support/fixtures';

const t = texts('nl');

test.describe('The installed app', () => {
  test('opens from the service worker without the network after one visit, and keeps no answers of the API', async ({ page, context }) => {
    await page.goto('/login');
    await page.evaluate('navigator.serviceWorker.ready');
    // The first visit was before the worker controlled the page: one more load puts the code in its care.
    await page.reload();
    await expect.poll(() => page.evaluate('Boolean(navigator.serviceWorker.controller)')).toBe(true);
    await expect(page.getByRole('heading', { name: t('login.title') })).toBeVisible();

    await context.setOffline(true);
    await page.goto('/visits');
    // The shell and its code came from the worker's cache; without a session it shows the login page.
    await expect(page.getByRole('heading', { name: t('login.title') })).toBeVisible();
    await context.setOffline(false);

    const kept = (await page.evaluate(
      'caches.keys().then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => c.keys())))).then((lists) => lists.flat().map((r) => new URL(r.url).pathname))',
    )) as string[];
    expect(kept).toContain('/');
    expect(kept.some((path) => path.startsWith('/assets/'))).toBe(true);
    expect(kept.filter((path) => path.startsWith('/api/'))).toEqual([]);
  });
});
