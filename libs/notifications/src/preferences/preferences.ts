import { ChannelName } from '../delivery/channel';
import { NotificationKind, URGENT_KINDS } from '../inbox/notification.entity';

/** A person's choice for one kind: channels besides the inbox (which always has it), and the digest. */
export interface KindPreference {
  kind: NotificationKind;
  channels: ChannelName[];
  /** Also in the daily email digest of what is still unread (when email is not among the channels). */
  digest: boolean;
}

export interface Preferences {
  kinds: KindPreference[];
  /** `HH:MM` Europe/Amsterdam; non-urgent channel deliveries wait until `end`. Null: none. */
  quietHours: { start: string; end: string } | null;
  digestAt: string;
}

/** How one notification goes out to one person on one channel. */
export interface DeliveryPlan {
  channel: ChannelName;
  /** Collected into the daily digest. */
  digest: boolean;
  /** Held back until this moment (quiet hours, or the digest); null: at once. */
  heldUntil: Date | null;
}

const ALWAYS_AT_ONCE: ChannelName[] = ['push', 'email'];

/**
 * The defaults: volunteers get vigil offers by push and email and everything else in the inbox with
 * a daily digest; coordinators get vigil alerts at once by push and email and the rest in the inbox
 * and by email; admins and referrers in the inbox and by email. The welcome is in the inbox only.
 */
export function defaultPreference(role: string, kind: NotificationKind): KindPreference {
  // The invitation email already welcomes a person; the welcome itself waits in the inbox.
  if (kind === NotificationKind.Welcome) return { kind, channels: [], digest: false };
  if (role === 'volunteer') {
    if (kind === NotificationKind.VigilOffer) return { kind, channels: ALWAYS_AT_ONCE, digest: false };
    // A withdrawn offer is news only while the offer is open: no digest the next morning.
    return { kind, channels: [], digest: kind !== NotificationKind.VigilTaken };
  }
  if (role === 'coordinator' && kind === NotificationKind.VigilAlert) return { kind, channels: ALWAYS_AT_ONCE, digest: false };
  return { kind, channels: ['email'], digest: false };
}

export const DEFAULT_QUIET_HOURS = null;
export const DEFAULT_DIGEST_AT = '08:00';

/** The person's effective preferences: their stored choices over the defaults of their role, every kind listed. */
export function effectivePreferences(role: string, stored: { kinds: KindPreference[]; quietStart: string | null; quietEnd: string | null; digestAt: string } | null, kinds: readonly NotificationKind[]): Preferences {
  return {
    kinds: kinds.map((kind) => stored?.kinds.find((k) => k.kind === kind) ?? defaultPreference(role, kind)),
    quietHours: stored?.quietStart && stored.quietEnd ? { start: stored.quietStart, end: stored.quietEnd } : DEFAULT_QUIET_HOURS,
    digestAt: stored?.digestAt ?? DEFAULT_DIGEST_AT,
  };
}

/**
 * The deliveries of one notification: every chosen channel at once if urgent; otherwise held until
 * the end of quiet hours when `now` falls inside them; email for a digest kind held until the digest.
 */
export function planDeliveries(preferences: Preferences, kind: NotificationKind, now: Date): DeliveryPlan[] {
  const choice = preferences.kinds.find((k) => k.kind === kind) ?? { kind, channels: [], digest: false };
  if (URGENT_KINDS.includes(kind)) return choice.channels.map((channel) => ({ channel, digest: false, heldUntil: null }));
  const quietEnd = preferences.quietHours ? quietUntil(now, preferences.quietHours.start, preferences.quietHours.end) : null;
  const plans: DeliveryPlan[] = choice.channels.map((channel) => ({ channel, digest: false, heldUntil: quietEnd }));
  if (choice.digest && !choice.channels.includes('email')) plans.push({ channel: 'email', digest: true, heldUntil: nextAmsterdamTime(now, preferences.digestAt) });
  return plans;
}

const ZONE = 'Europe/Amsterdam';
const WALL = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

function wallClock(instant: Date): { y: number; m: number; d: number; minutes: number } {
  const part = (type: string) => Number(WALL.formatToParts(instant).find((p) => p.type === type)?.value);
  return { y: part('year'), m: part('month'), d: part('day'), minutes: part('hour') * 60 + part('minute') };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant of a wall-clock time in Amsterdam (DST handled by correcting with the zone's offset then). */
function amsterdamInstant(y: number, m: number, d: number, minutes: number): Date {
  const guess = Date.UTC(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
  const shown = wallClock(new Date(guess));
  const offset = Date.UTC(shown.y, shown.m - 1, shown.d, Math.floor(shown.minutes / 60), shown.minutes % 60) - guess;
  return new Date(guess - offset);
}

/** The first moment at or after `now` (strictly after when equal) that Amsterdam's clock shows `hhmm`. */
export function nextAmsterdamTime(now: Date, hhmm: string): Date {
  const wall = wallClock(now);
  const target = minutesOf(hhmm);
  const dayOffset = wall.minutes < target ? 0 : 1;
  const day = new Date(Date.UTC(wall.y, wall.m - 1, wall.d + dayOffset));
  return amsterdamInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), target);
}

/** When `now` falls in the quiet hours [start, end) (which may cross midnight): their end; otherwise null. */
export function quietUntil(now: Date, start: string, end: string): Date | null {
  const minutes = wallClock(now).minutes;
  const s = minutesOf(start);
  const e = minutesOf(end);
  const inside = s <= e ? minutes >= s && minutes < e : minutes >= s || minutes < e;
  return inside ? nextAmsterdamTime(now, end) : null;
}

/** The kinds a role can receive, so a person's preferences list only what concerns them. */
export function kindsFor(role: string): NotificationKind[] {
  const K = NotificationKind;
  if (role === 'volunteer') return [K.VigilOffer, K.VigilTaken, K.MatchProposed, K.MatchStarted, K.MatchEnded, K.VisitPlanned, K.VisitCancelled, K.CredentialExpiring, K.Welcome];
  if (role === 'coordinator') return [K.VigilAlert, K.RequestSubmitted, K.RequestInfoReceived, K.FollowUpDue, K.FeedbackFailed, K.Welcome];
  if (role === 'referrer') return [K.RequestNeedsInfo, K.Welcome];
  return [K.Welcome];
}
