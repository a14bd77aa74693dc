import { HttpStatus } from '@nestjs/common';
import { AppError } from '@app/core';
import { dictionary } from '@zxcvbn-ts/language-common';
import { phrase } from '@app/i18n';

export interface PasswordProblem {
  code: 'password_too_short' | 'password_too_simple' | 'password_too_common' | 'password_contains_email' | 'password_contains_name';
  message: string;
}

/** Whose password it is: what it must not be built from. */
export interface PasswordOwner {
  email: string;
  name: string;
}

// zxcvbn-ts's list of ~49,000 passwords most common in public breaches, shipped in the package
// (nothing is fetched). Built on first use.
let common: Set<string> | undefined;
const isCommon = (password: string) => (common ??= new Set(dictionary['passwords-common'])).has(password.toLowerCase());

/** Lower case, letters and digits only: "Marieke.Bos" and "MARIEKE BOS" both become "mariekebos". */
const squash = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Whether the password contains one of the values; values under 4 characters would refuse too much by chance. */
const containsAny = (password: string, values: string[]) => values.map(squash).some((value) => value.length >= 4 && squash(password).includes(value));

/** A short unit repeated ("aaaa", "abcabc") or a run of consecutive characters ("abcdef", "4321", "7890"). */
function isPattern(password: string): boolean {
  const chars = [...password];
  for (let unit = 1; unit <= 3; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  const step = (a: string, b: string) => {
    const [x, y] = [a.codePointAt(0) as number, b.codePointAt(0) as number];
    return y - x === 1 || (a === '9' && b === '0') ? 1 : x - y === 1 || (a === '0' && b === '9') ? -1 : 0;
  };
  const first = step(chars[0], chars[1] ?? '');
  return first !== 0 && chars.slice(1).every((c, i) => step(chars[i], c) === first);
}

/** The shortest password anyone may set, wherever it is set (NIST SP 800-63B asks at least 8). */
export const MIN_PASSWORD_LENGTH = 12;

/** Why a new password is refused (NIST SP 800-63B §5.1.1.2), or null if it is acceptable. */
export function passwordProblem(password: string, owner: PasswordOwner): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { code: 'password_too_short', message: `The password must be at least ${MIN_PASSWORD_LENGTH} characters` };
  if (password.trim() === '') return { code: 'password_too_simple', message: 'The password is only spaces' };
  if (isPattern(password)) return { code: 'password_too_simple', message: 'The password is a repeated or consecutive run of characters; choose one that is harder to guess' };
  if (isCommon(password)) return { code: 'password_too_common', message: 'The password is one of the most common passwords (found in data breaches); choose another' };
  if (containsAny(password, [owner.email, owner.email.split('@')[0]])) {
    return { code: 'password_contains_email', message: 'The password must not contain the email address or its part before the @' };
  }
  if (containsAny(password, [owner.name])) {
    return { code: 'password_contains_name', message: "The password must not contain the user's name" };
  }
  return null;
}

/** 400 with the reason, in the shape of the validation errors: `details` names the field. */
export class PasswordRefusedError extends AppError {
  constructor(problem: PasswordProblem, field: string) {
    super(HttpStatus.BAD_REQUEST, problem.code, undefined, undefined, [{ field, errors: [phrase(`errors.${problem.code}`)], constraints: [problem.code] }]);
  }
}
