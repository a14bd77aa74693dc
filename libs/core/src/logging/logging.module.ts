import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from '../config/app-config';

/**
 * JSON logs through pino. Each request line carries the request id; the URL is logged without its
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
          customProps: () => ({ service: 'volunteer-match' }),
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
