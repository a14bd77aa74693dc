/*
 * The portal's service worker: shows Web Push messages and opens their page when one is tapped.
 * No fetch handler: the portal needs the network (live data), and a cache here could show a
 * volunteer stale visits. Plain JS, served as is from /sw.js with scope /.
 *
 * The API sends (encrypted) JSON: { title, body, url, urgent, tag } where tag is the notification id
 * (libs/notifications/src/channels/push/push.channel.ts).
 */

// Only when a message cannot be read at all (the browser insists on showing something for a push).
const FALLBACK_TITLE = 'Vrijwilligersmatch';

self.addEventListener('install', () => {
  self.skipWaiting(); // nothing is cached, so a new version may take over at once
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/** A path inside the portal, or the inbox: a message never opens another site. */
function portalPath(url) {
  try {
    const target = new URL(url, self.location.origin);
    if (target.origin === self.location.origin) return target.pathname + target.search + target.hash;
  } catch {
    // not a URL: the inbox below
  }
  return '/inbox';
}

function readPayload(event) {
  try {
    const data = event.data ? event.data.json() : null;
    if (data && typeof data.title === 'string') return data;
  } catch {
    // unreadable: shown as the fallback below
  }
  return { title: FALLBACK_TITLE, body: '', url: null, urgent: false, tag: undefined };
}

self.addEventListener('push', (event) => {
  const message = readPayload(event);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag, // a repeat of the same notification replaces the shown one
      renotify: Boolean(message.tag && message.urgent),
      requireInteraction: Boolean(message.urgent), // a vigil offer stays until it is seen
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      data: { path: message.url ? portalPath(message.url) : '/inbox', id: message.tag ?? null },
    }),
  );
});

/**
 * An open portal window is focused and asked to go to the page (the app navigates itself and marks
 * the notification read); without one, a new window opens at the page.
 */
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const path = typeof data.path === 'string' ? portalPath(data.path) : '/inbox';
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (!open) {
        await self.clients.openWindow(path);
        return;
      }
      open.postMessage({ type: 'open-notification', path, id: data.id ?? null });
      await open.focus().catch(() => undefined); // focus needs the click's activation; a test's synthetic click lacks it
    })(),
  );
});
