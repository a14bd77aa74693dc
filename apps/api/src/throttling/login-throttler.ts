import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AppConfig, redisOptionsFromUrl } from '@app/core';
import type { FastifyRequest } from 'fastify';

const emailOf = (request: FastifyRequest) => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

/**
 * Login attempts are counted in Redis (so the limit holds across instances): per source address and
 * account, and more loosely per source address alone, against password spraying.
 */
export function loginThrottlerOptions(config: AppConfig): ThrottlerModuleOptions {
  const { loginRateLimit, loginRateWindowSeconds } = config.auth;
  return {
    throttlers: [
      {
        name: 'login-account',
        limit: loginRateLimit,
        ttl: loginRateWindowSeconds * 1000,
        getTracker: (request) => `${(request as FastifyRequest).ip}|${emailOf(request as FastifyRequest)}`,
      },
      { name: 'login-address', limit: loginRateLimit * 5, ttl: loginRateWindowSeconds * 1000 },
    ],
    storage: new ThrottlerStorageRedisService({ ...redisOptionsFromUrl(config.redis.url), keyPrefix: `${config.redis.prefix}:throttle:` }),
  };
}
