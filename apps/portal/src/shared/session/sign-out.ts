import { disablePush } from '../push/push';
import { session } from './session';

/**
 * Logging out on purpose also ends this browser's push subscription: on a shared device the next
 * person must not be shown this one's vigil offers and clients' first names. (A session that merely
 * lapses keeps it, so urgent offers still reach the volunteer's phone.)
 */
export async function signOut(userId: string, everywhere = false): Promise<void> {
  await disablePush(userId).catch(() => undefined);
  await session.logout(everywhere);
}
