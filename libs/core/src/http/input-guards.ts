import { ValidationFailedError } from '../errors/app-errors';
import { phrase } from '@app/i18n';

/** Deeper than any body the API takes (a request's client's relatives are four levels down). */
export const MAX_JSON_DEPTH = 16;

/**
 * True when the JSON text nests objects/arrays deeper than `max`. One pass over the text, before
 * parsing: a few thousand levels would otherwise overflow the stack of whatever walks the value.
 */
export function jsonNestingExceeds(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

// C0 controls and DEL, except tab, line feed and carriage return (free text may hold those).
// PostgreSQL cannot store NUL at all; the others are never meant as text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

type TextProblem = 'illFormedUnicode' | 'controlCharacter';

/** Why a string cannot be stored as text (a `validation.*` constraint name), or null when it can. */
export function textProblem(value: string): TextProblem | null {
  if (!value.isWellFormed()) return 'illFormedUnicode';
  if (CONTROL.test(value)) return 'controlCharacter';
  return null;
}

/** The first string (value or key) in a parsed JSON value or query that cannot be stored, with its path. */
export function findBadText(value: unknown, path = ''): { field: string; problem: TextProblem | `${TextProblem}InName` } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { field: path || 'body', problem } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    const keyProblem = textProblem(key);
    if (keyProblem) return { field, problem: `${keyProblem}InName` };
    const found = findBadText(item, field);
    if (found) return found;
  }
  return null;
}

/** Refuses (400 validation_failed, naming the field) input holding text that cannot be stored. */
export function assertStorableText(value: unknown, where: 'body' | 'query' | 'path'): void {
  const bad = findBadText(value);
  if (!bad) return;
  const field = where === 'body' ? bad.field : `${where}.${bad.field}`;
  const text = phrase(`validation.${bad.problem}`, { field });
  throw new ValidationFailedError(text, [{ field, errors: [text], constraints: [bad.problem] }]);
}
