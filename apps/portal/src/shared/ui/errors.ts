import { i18n } from '../i18n/i18n';
import { ApiError } from '../api/client';

/** The words to show for a failed call: the server's own (already in the asker's language), else ours. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return i18n.t('errors.network'); // fetch failed: offline or server down
  return i18n.t('errors.unexpected');
}
