import { api } from '../api/client';
import { session } from '../session/session';
import { portalPath } from '../inbox/queries';

interface OpenNotification {
  type: 'open-notification';
  path: string;
  id: string | null;
}

function isOpenNotification(value: unknown): value is OpenNotification {
  return typeof value === 'object' && value !== null && (value as OpenNotification).type === 'open-notification' && typeof (value as OpenNotification).path === 'string';
}

/**
 * A tapped push message in an open window: the service worker asks the app to go to its page, so the
 * single-page app navigates without a reload, and the notification is marked read as in the inbox.
 */
export function listenToServiceWorker(navigate: (path: string) => unknown, onRead: () => unknown): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.origin && event.origin !== window.location.origin) return;
    if (!isOpenNotification(event.data)) return;
    const path = portalPath(event.data.path) ?? '/inbox';
    if (event.data.id && session.accessToken()) {
      void api.POST('/api/me/notifications/{id}/read', { params: { path: { id: event.data.id } } }).then(() => onRead());
    }
    navigate(path);
  });
}
