import { HttpStatus } from '@nestjs/common';
import { AppError } from '@app/core';
import { createHash, randomBytes } from 'node:crypto';

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

/** 32 random bytes for an emailed link, and the sha256 that is all the database keeps of it. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256Hex(token) };
}

/** Why an emailed link cannot be used: each a stable code, so the portal can say what to do. */
export const linkRefused = {
  invalid: () => new AppError(HttpStatus.BAD_REQUEST, 'invalid_token'),
  used: () => new AppError(HttpStatus.GONE, 'token_used'),
  expired: () => new AppError(HttpStatus.GONE, 'token_expired'),
};
