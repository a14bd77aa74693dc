import { currentLanguage } from '../i18n/i18n';

/** Everything is shown in the Netherlands' time, whatever the device's zone. */
export const TIME_ZONE = 'Europe/Amsterdam';

const tag = () => (currentLanguage() === 'nl' ? 'nl-NL' : 'en-GB');

export function formatDateTime(iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' }): string {
  return new Intl.DateTimeFormat(tag(), { timeZone: TIME_ZONE, ...options }).format(new Date(iso));
}

export const formatDate = (iso: string) => formatDateTime(iso, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
export const formatTime = (iso: string) => formatDateTime(iso, { hour: '2-digit', minute: '2-digit' });

/** "za 5 dec 22:00 – zo 6 dec 07:00", or "22:00 – 23:30" within one day. */
export function formatWindow(startIso: string, endIso: string): string {
  const sameDay = formatDateTime(startIso, { dateStyle: 'short' }) === formatDateTime(endIso, { dateStyle: 'short' });
  const long: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return `${formatDateTime(startIso, long)} – ${sameDay ? formatTime(endIso) : formatDateTime(endIso, long)}`;
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(tag(), options).format(value);
}

export const formatKm = (km: number) => formatNumber(km, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
