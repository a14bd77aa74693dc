import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from '../config/app-config';
import { correlationIdOf } from '../http/request-ids';

/**
 * JSON logs through pino. Each request line carries the request id (and the caller's own, when sent); the URL is logged without its
 * query string (queries may hold names), and credentials are redacted wherever they appear.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.logLevel,
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
              '*.password',
              '*.refreshToken',
              '*.accessToken',
              '*.token',
            ],
            censor: '[redacted]',
          },
          serializers: {
            req: (req: IncomingMessage & { id?: string; raw?: IncomingMessage }) => ({
              id: req.id,
              method: req.method,
              url: (req.url ?? '').split('?')[0],
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          customProps: (req: IncomingMessage) => ({ service: 'volunteer-match', correlationId: correlationIdOf(req) ?? undefined }),
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
