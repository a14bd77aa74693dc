import { TIME_ZONE, formatDateTime } from '../../shared/format/format';
import type { components } from '../../shared/api/schema';

export type Credential = components['schemas']['CredentialDto'];
export type CredentialState = 'valid' | 'expiring' | 'expired' | 'notYet' | 'permanent';

/** The same 30 days as the API's expiry reminder (credential_expiring). */
const EXPIRING_DAYS = 30;

/** Today's date (YYYY-MM-DD) in the Netherlands. */
export function today(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** How a credential stands today, in the words a volunteer needs; `valid` is the API's verdict. */
export function credentialState(credential: Credential, on = today()): CredentialState {
  if (!credential.valid) return credential.expiresOn && credential.expiresOn < on ? 'expired' : 'notYet';
  if (!credential.expiresOn) return 'permanent';
  return credential.expiresOn <= addDays(on, EXPIRING_DAYS) ? 'expiring' : 'valid';
}

/** A calendar date (YYYY-MM-DD) in words; noon UTC is that same day in Amsterdam. */
export const formatDay = (day: string) => formatDateTime(`${day}T12:00:00Z`, { day: 'numeric', month: 'long', year: 'numeric' });
