import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import { AppConfig } from '../config/app-config';
import { correlationIdOf } from '../http/request-ids';

/**
 * The path as it may be logged: without its query string (queries may hold names), and with the
 * secret of a calendar feed address (`/api/calendar/<token>.ics`) blanked out.
 */
export function loggablePath(url: string): string {
  return url.split('?')[0].replace(/^(\/api\/calendar\/)[^/]*$/, '$1[redacted]');
}

/**
 * JSON logs through pino, to standard output or `LOG_FILE`. Each request line carries the request
 * id (and the caller's own as correlationId, when sent) and a `loggablePath`; credentials are
 * redacted wherever they appear.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const options = {
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
              url: loggablePath(req.url ?? ''),
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          customProps: (req: IncomingMessage) => ({ service: 'volunteer-match', correlationId: correlationIdOf(req) ?? undefined }),
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
        };
        return {
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: config.logFile ? [options, pino.destination({ dest: config.logFile, mkdir: true })] : options,
        };
      },
    }),
  ],
})
export class LoggingModule {}
