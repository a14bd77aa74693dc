import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { createHmac } from 'node:crypto';
import { AppConfig, REDIS_CLIENT, TooManyRequestsError } from '@app/core';

/**
 * How Redis names an account: a keyed hash of its email. Redis holds no personal data, and unlike a
 * plain hash it cannot be reversed by hashing a list of known addresses.
 */
export function loginAccountKey(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`login-account:${email.trim().toLowerCase()}`).digest('hex');
}

// One step for every instance at once (Redis runs a script atomically, on its own clock): while the
// account waits, answer how long still; otherwise count the attempt and, once the free attempts are
// used, make the next one wait base × 2^k, at most the cap. The count is forgotten `reset` after the
// last wait ends. ARGV: free attempts, base delay ms, max delay ms, reset ms.
const RESERVE_ATTEMPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local wait = tonumber(redis.call('HGET', KEYS[1], 'notBefore') or '0') - now
if wait > 0 then return wait end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
local delay = 0
if attempts >= tonumber(ARGV[1]) then
  delay = math.min(tonumber(ARGV[2]) * 2 ^ (attempts - tonumber(ARGV[1])), tonumber(ARGV[3]))
  redis.call('HSET', KEYS[1], 'notBefore', now + delay)
end
redis.call('PEXPIRE', KEYS[1], delay + tonumber(ARGV[4]))
return 0
`;

// Three reset mails per address, then one more a minute, doubling; forgotten an hour after the last.
const PASSWORD_RESET_LIMIT = { freeAttempts: 3, baseDelaySeconds: 60, resetSeconds: 3600 };

/**
 * Login attempts per account, whatever the address they come from (rotating addresses does not
 * help an attacker). Every attempt counts until the password is right, so parallel attempts cannot
 * slip past the count. The wait is capped, so nobody can keep an account's owner out for longer.
 */
@Injectable()
export class LoginAttemptsService {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts an attempt on the account, or refuses it (429 with the seconds to wait) while the account
   * waits. Password checks outside login (a password change, a second factor) count as login
   * attempts; password reset requests have a stricter count of their own, so asking for resets
   * cannot hold up anyone's login.
   */
  async reserve(email: string, scope: 'login' | 'password-reset' = 'login'): Promise<void> {
    const login = this.config.auth.loginAccount;
    const { freeAttempts, baseDelaySeconds, maxDelaySeconds, resetSeconds } = scope === 'login' ? login : { ...PASSWORD_RESET_LIMIT, maxDelaySeconds: login.maxDelaySeconds };
    const waitMs = Number(
      await this.redis.eval(RESERVE_ATTEMPT, 1, this.key(email, scope), freeAttempts, baseDelaySeconds * 1000, maxDelaySeconds * 1000, resetSeconds * 1000),
    );
    if (waitMs > 0) throw new TooManyRequestsError(Math.ceil(waitMs / 1000), scope === 'login' ? 'login' : 'passwordReset');
  }

  /** The password was right: the count starts afresh. */
  async succeeded(email: string): Promise<void> {
    await this.redis.del(this.key(email));
  }

  private key(email: string, scope: 'login' | 'password-reset' = 'login'): string {
    return `${this.config.redis.prefix}:${scope}:account:${loginAccountKey(this.config.auth.jwtSecret, email)}`;
  }
}
