import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ErrorResponseDto, REDIS_CLIENT } from '@app/core';
import { Public } from '@app/identity';
import Redis from 'ioredis';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  /** Liveness: the process answers. */
  @Public()
  @Get('health')
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live() {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis both answer. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ schema: { example: { status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } } } })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto })
  async ready() {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 2000 }), () => this.redisCheck()]);
    } catch (error) {
      const details = (error as { response?: { details?: unknown } }).response?.details;
      throw new ServiceUnavailableException({ error: 'not_ready', message: 'PostgreSQL or Redis is not answering', details });
    }
  }

  private async redisCheck() {
    const indicator = this.indicators.check('redis');
    try {
      const pong = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected answer ${pong}` });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
