import type { ComponentType } from 'react';

/**
 * A route whose screen is fetched when first opened (React Router's `lazy`): the first page a phone
 * loads carries only the login and Today, not every screen's code.
 */
export function lazyScreen<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

/** Where to go after a login: a path of the portal that was asked for, never another site. */
export function afterLogin(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/\\') ? from : '/';
}
