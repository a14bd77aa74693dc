import { Logger } from '@nestjs/common';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/**
 * TypeORM's own loggers print query parameters: emails, password hashes, client data. This one logs
 * failed and slow queries by their SQL text and error only, never the parameters.
 */
export class SafeQueryLogger extends AbstractLogger {
  private readonly logger = new Logger('Database');

  override logQueryError(error: string | Error, query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    const code = (error as { code?: string }).code;
    // Constraint violations are expected outcomes (409s); they are handled where they happen.
    const level = code?.startsWith('23') ? 'debug' : 'error';
    this.logger[level]({ code, query: query.slice(0, 500) }, `Query failed: ${error instanceof Error ? error.message : error}`);
  }

  override logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query: query.slice(0, 500) }, 'Slow query');
  }

  protected override writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    const messages = Array.isArray(message) ? message : [message];
    for (const m of messages) {
      if (m.type === 'query' || m.type === 'query-error' || m.type === 'query-slow') continue; // handled above, without parameters
      if (level === 'warn') this.logger.warn(String(m.message));
      else if (level === 'error') this.logger.error(String(m.message));
      else this.logger.debug(String(m.message));
    }
  }
}
