import { api, ApiError, unwrap } from '../api/client';

/**
 * Web Push in this browser. The browser holds one subscription per service worker; the API keeps
 * which people it is for. A shared device may be used by several people, so the id the API gave
 * is remembered per user, with the endpoint it was for.
 */
export type PushState = 'unsupported' | 'blocked' | 'on' | 'off';

/** Why switching push on did not work, for the words on the screen. */
export type PushProblem = 'blocked' | 'dismissed' | 'noWorker' | 'browserRefused' | 'serviceUnreachable';

export class PushSetupError extends Error {
  constructor(readonly problem: PushProblem) {
    super(problem);
  }
}

const WORKER_URL = '/sw.js';
/** Chromium without a reachable push service waits minutes before it gives up; we say so sooner. */
const SUBSCRIBE_TIMEOUT_MS = 20_000;
const STORAGE_KEY = 'vm.push';

interface Remembered {
  endpoint: string;
  id: string;
}

export function pushSupported(): boolean {
  return typeof window !== 'undefined' && window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** Registers the service worker (it shows push messages and opens their page when tapped). */
export function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return Promise.resolve(null);
  return navigator.serviceWorker.register(WORKER_URL, { scope: '/' }).catch((error: unknown) => {
    console.warn('Service worker not registered', error);
    return null;
  });
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export async function pushState(userId: string): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  if (Notification.permission !== 'granted') return 'off';
  return (await ownSubscription(userId)) ? 'on' : 'off';
}

/**
 * This browser's subscription and its id at the API, when it is this person's: the API moves an
 * endpoint to whoever subscribed it last, so on a shared device it may have become someone else's.
 */
async function ownSubscription(userId: string): Promise<{ subscription: PushSubscription; id: string } | null> {
  const subscription = await currentSubscription();
  const remembered = recall(userId);
  if (!subscription || !remembered || remembered.endpoint !== subscription.endpoint) return null;
  const held = await unwrap(api.GET('/api/me/push-subscriptions'));
  return held.some((s) => s.id === remembered.id) ? { subscription, id: remembered.id } : null;
}

/**
 * Asks the browser's permission, subscribes with the API's public key (a subscription made with an
 * older key is renewed) and gives the subscription to the API.
 */
export async function enablePush(userId: string): Promise<void> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') throw new PushSetupError('blocked');
  if (permission !== 'granted') throw new PushSetupError('dismissed');
  const registration = (await registerServiceWorker()) ? await navigator.serviceWorker.ready : null;
  if (!registration) throw new PushSetupError('noWorker');
  const { publicKey } = await unwrap(api.GET('/api/push/public-key'));
  const key = fromBase64Url(publicKey);
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  if (!subscription) {
    try {
      subscription = await withTimeout(registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }), SUBSCRIBE_TIMEOUT_MS);
    } catch (error) {
      console.warn('Push subscription failed', error);
      // Chromium refuses push in a private window ("permission denied") with permission granted.
      const refused = error instanceof DOMException && /permission denied/i.test(error.message);
      throw new PushSetupError(refused ? 'browserRefused' : 'serviceUnreachable');
    }
  }
  await remember(userId, subscription);
}

/** Hands a browser subscription to the API and remembers the id it got. */
async function remember(userId: string, subscription: PushSubscription): Promise<void> {
  const json = subscription.toJSON();
  const stored = await unwrap(
    api.POST('/api/me/push-subscriptions', {
      body: { endpoint: subscription.endpoint, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' }, userAgent: navigator.userAgent.slice(0, 300) },
    }),
  );
  save(userId, { endpoint: subscription.endpoint, id: stored.id });
}

/** Tells the API to stop, then ends the browser's subscription (only when it was this person's). */
export async function disablePush(userId: string): Promise<void> {
  const own = await ownSubscription(userId);
  if (own) {
    try {
      await unwrap(api.DELETE('/api/me/push-subscriptions/{id}', { params: { path: { id: own.id } } }));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error; // already gone is fine
    }
    await own.subscription.unsubscribe();
  }
  save(userId, null);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

function recall(userId: string): Remembered | null {
  return readAll()[userId] ?? null;
}

function save(userId: string, value: Remembered | null): void {
  const all = readAll();
  if (value) all[userId] = value;
  else delete all[userId];
  localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
}

function readAll(): Record<string, Remembered> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, Remembered>) : {};
  } catch {
    return {};
  }
}

function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function sameKey(current: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === wanted.length && bytes.every((b, i) => b === wanted[i]);
}
