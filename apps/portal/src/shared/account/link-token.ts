import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { fieldError } from './field-errors';

export interface EmailLink {
  token: string | null;
  /** Only if the link carries it (`#token=…&email=…`), to prefill the login afterwards. */
  email: string | null;
}

/**
 * The token of an emailed link sits in the fragment (`#token=…`), which browsers never send to a server.
 * It is read once and then wiped from the address bar, so it stays out of the history, bookmarks and
 * over-the-shoulder views; it lives on in this screen's memory only.
 */
export function useEmailLink(): EmailLink {
  const [link] = useState<EmailLink>(() => {
    const params = new URLSearchParams(window.location.hash.slice(1));
    return { token: params.get('token'), email: params.get('email') };
  });
  useEffect(() => {
    // Keep the router's own history entry state; only the fragment goes.
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);
  return link;
}

/**
 * What to tell about a refused link, in the page's current language (the API's words stay in the language
 * they were asked in, and the screen's language can be switched afterwards).
 */
export function linkRefusalText(error: unknown, t: (key: string) => string): string {
  if (!(error instanceof ApiError)) return t('account.link.incomplete');
  if (error.code === 'token_used') return t('account.link.used');
  if (error.code === 'token_expired') return t('account.link.expired');
  return t('account.link.invalid');
}

/** The API refused the link itself (unknown, used or expired) rather than what was typed. */
export function isLinkRefused(error: unknown): error is ApiError {
  if (!(error instanceof ApiError)) return false;
  return ['invalid_token', 'token_used', 'token_expired'].includes(error.code) || fieldError(error, 'token') !== undefined;
}
