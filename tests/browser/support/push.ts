import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Web Push in the browser tests. Chromium's push service (Google's) is out of reach here and refused in
 * Playwright's private contexts, so a test stands in for it: the page's PushManager hands out a
 * subscription of the local push service (tests/support/push-endpoint.ts), and what that service
 * received is delivered to the portal's service worker through the DevTools protocol.
 * Code that runs in the page is written as strings: this project's TypeScript has no DOM types.
 */

export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** From the next page load on, `pushManager.subscribe()` answers with `subscription` (kept over reloads). */
export async function fakePushManager(page: Page, subscription: BrowserSubscription): Promise<void> {
  await page.addInitScript({
    content: `(() => {
      const sub = ${JSON.stringify(subscription)};
      const fake = {
        endpoint: sub.endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: null },
        toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
        unsubscribe: async () => { localStorage.removeItem('test.push.key'); return true; },
      };
      PushManager.prototype.subscribe = async function (options) {
        localStorage.setItem('test.push.key', JSON.stringify(Array.from(new Uint8Array(options.applicationServerKey))));
        return this.getSubscription();
      };
      PushManager.prototype.getSubscription = async function () {
        const key = localStorage.getItem('test.push.key');
        if (!key) return null;
        fake.options.applicationServerKey = new Uint8Array(JSON.parse(key)).buffer;
        return fake;
      };
    })();`,
  });
}

/** The scope of the page's service worker once it is active. */
export function serviceWorkerScope(page: Page): Promise<string> {
  return page.evaluate<string>('navigator.serviceWorker.ready.then((r) => r.scope)');
}

export interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  data: unknown;
}

/** The notifications the portal's service worker shows now. */
export function shownNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate<ShownNotification[]>(
    'navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((list) => list.map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data })))',
  );
}

/** Hands a push message's (decrypted) payload to the page's service worker, as the browser does on a push. */
export async function deliverPush(context: BrowserContext, page: Page, payload: unknown): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const registrations: string[] = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations.filter((r) => !r.isDeleted).map((r) => r.registrationId)));
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => registrations.length).toBeGreaterThan(0);
  const origin = new URL(page.url()).origin;
  // The session stays open: detaching at once sometimes dropped the push before the worker had it.
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: registrations[registrations.length - 1], data: JSON.stringify(payload) });
}

/** A tap on the (first) shown notification: its `notificationclick` in the worker. */
export async function tapNotification(worker: Worker): Promise<void> {
  await worker.evaluate(`self.registration.getNotifications().then(([shown]) => {
    if (!shown) throw new Error('no notification is shown');
    self.dispatchEvent(new NotificationEvent('notificationclick', { notification: shown }));
  })`);
}
