/*
 * The portal's service worker: shows Web Push messages and opens their page when one is tapped, and
 * keeps the app's code (never its data) so an installed app opens without waiting for the network.
 * Plain JS, served as is from /sw.js with scope /.
 *
 * The API sends (encrypted) JSON: { title, body, url, urgent, tag } where tag is the notification id
 * (libs/notifications/src/channels/push/push.channel.ts).
 */

// Only when a message cannot be read at all (the browser insists on showing something for a push).
const FALLBACK_TITLE = 'Vrijwilligersmatch';

// The app shell (index.html, the same for every page) and the hashed files it names. Answers of /api
// are never kept here: visits and offers always come from the network.
const SHELL_CACHE = 'portal-shell';
const ASSET_CACHE = 'portal-assets';
const NOT_PORTAL = /^\/(api|health|ready)(\/|$)/;

self.addEventListener('install', (event) => {
  // Without the network now, the shell is kept at the first navigation instead: push must install anyway.
  event.waitUntil(caches.open(SHELL_CACHE).then(freshShell).catch(() => undefined));
  self.skipWaiting(); // the caches hold only code, so a new version may take over at once
});

/**
 * The shell from the network, kept for next time, with every file of its build (`/asset-list.json`,
 * written by the build), so a screen not opened before also works offline. Older builds' files go.
 */
async function freshShell(cache) {
  const response = await fetch('/', { cache: 'no-cache' });
  if (!response.ok) return response;
  await cache.put('/', response.clone());
  const list = await fetch('/asset-list.json', { cache: 'no-cache' }).then((r) => (r.ok ? r.json() : null));
  if (Array.isArray(list)) {
    // Files of this build and the one before stay: a page opened with the previous shell (served from
    // this cache a moment ago) must still find its screens' code.
    const before = await cache.match('/asset-list.json').then((r) => (r ? r.json() : []));
    const assets = await caches.open(ASSET_CACHE);
    for (const request of await assets.keys()) {
      const path = new URL(request.url).pathname;
      if (!list.includes(path) && !before.includes(path)) await assets.delete(request);
    }
    for (const path of list) if (!(await assets.match(path))) await assets.add(path);
    if (list.join() !== before.join()) await cache.put('/asset-list.json', new Response(JSON.stringify(list)));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || NOT_PORTAL.test(url.pathname)) return;
  if (event.request.mode === 'navigate') {
    // Stale while revalidate: the kept shell at once, a fresh one fetched for the next opening.
    event.respondWith(
      caches.open(SHELL_CACHE).then(async (cache) => {
        const kept = await cache.match('/');
        const fresh = freshShell(cache);
        if (!kept) return fresh;
        event.waitUntil(fresh.catch(() => undefined));
        return kept;
      }),
    );
  } else if (url.pathname.startsWith('/assets/')) {
    // Hashed names never change content: kept ones are used as they are, so an old shell finds its code.
    event.respondWith(
      caches.open(ASSET_CACHE).then(async (cache) => {
        const kept = await cache.match(event.request);
        if (kept) return kept;
        const response = await fetch(event.request);
        if (response.ok) await cache.put(event.request, response.clone());
        return response;
      }),
    );
  }
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
