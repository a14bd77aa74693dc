import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AppConfig, redisOptionsFromUrl, TooManyRequestsError } from '@app/core';
import { loginAccountKey } from '@app/identity';
import type { FastifyRequest } from 'fastify';

const emailOf = (request: FastifyRequest) => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email : '';
};

/**
 * Login attempts are counted in Redis (so the limit holds across instances): per source address and
 * account, and more loosely per source address alone, against password spraying. (Per account from
 * any address: LoginAttemptsService.) The account is named by its keyed hash, never its email.
 */
export function loginThrottlerOptions(config: AppConfig): ThrottlerModuleOptions {
  const { loginRateLimit, loginRateWindowSeconds, jwtSecret } = config.auth;
  return {
    throttlers: [
      {
        name: 'login-account',
        limit: loginRateLimit,
        ttl: loginRateWindowSeconds * 1000,
        getTracker: (request) => `${(request as FastifyRequest).ip}|${loginAccountKey(jwtSecret, emailOf(request as FastifyRequest))}`,
      },
      { name: 'login-address', limit: loginRateLimit * 5, ttl: loginRateWindowSeconds * 1000 },
    ],
    // The library's headers carry the throttler's name (`Retry-After-login-account`); ours is the standard one.
    setHeaders: false,
    storage: new ThrottlerStorageRedisService({ ...redisOptionsFromUrl(config.redis.url), keyPrefix: `${config.redis.prefix}:throttle:` }),
  };
}

/** The login throttlers (also on password reset requests), answering 429 with a standard `Retry-After` (seconds). */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new TooManyRequestsError(Math.max(1, detail.timeToBlockExpire), 'address'); // login and password reset
  }
}
