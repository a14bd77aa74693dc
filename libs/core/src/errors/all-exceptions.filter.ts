import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { I18nService, Locale } from '@app/i18n';
import type { AuthenticatedRequest } from '../http/principal';
import { AppError, TooManyRequestsError, ValidationFailedError } from './app-errors';
import { ErrorResponseDto } from './error-response.dto';

export const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** Errors thrown by Fastify itself (body parsing, size limit) carry a statusCode and a code. */
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/**
 * The language of an answer: the caller's account language when the guard has identified them,
 * else the request's `Accept-Language` (a 401, a parse error or an unknown route never reach the
 * guard), else Dutch.
 */
export const localeOf = (request: FastifyRequest | undefined): Locale =>
  (request as AuthenticatedRequest | undefined)?.principal?.locale ?? I18nService.fromAcceptLanguage(request?.headers?.['accept-language']);

/**
 * The single exception filter: every error leaves as `{statusCode, error, message, details?}`,
 * the message (and field errors) in the reader's language; `error` and `details` codes stay English.
 * A 5xx gets an error id that is logged with the stack; the response never contains the stack.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  constructor(private readonly i18n: I18nService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (typeof reply?.status !== 'function') return; // not an HTTP context
    const body = this.toBody(exception, request);
    if (body.error === 'service_busy') void reply.header('retry-after', '2');
    if (exception instanceof TooManyRequestsError) void reply.header('retry-after', String(exception.retryAfterSeconds));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, request?: FastifyRequest): ErrorResponseDto {
    const locale = localeOf(request);
    if (exception instanceof AppError && exception.getStatus() !== 500) {
      const result: ErrorResponseDto = { statusCode: exception.getStatus(), error: exception.code, message: this.i18n.render(locale, exception.text) };
      if (exception.fields) {
        const details = exception.fields.map(({ field, errors, constraints }) => ({ field, errors: errors.map((e) => this.i18n.render(locale, e)), constraints }));
        result.details = details;
        if (exception instanceof ValidationFailedError) result.message = details.map((d) => d.errors.join(', ')).join('; ') || result.message;
      } else if (exception.details !== undefined) result.details = exception.details;
      return result;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const r = response as Record<string, unknown>;
        const error = typeof r.error === 'string' && /^[a-z_]+$/.test(r.error) ? r.error : (STATUS_CODES[status] ?? 'error');
        const result: ErrorResponseDto = { statusCode: status, error, message: this.generic(locale, error) };
        if (r.details !== undefined) result.details = r.details;
        return status === 500 ? this.serverError(exception, request) : result;
      }
      const error = STATUS_CODES[status] ?? 'error';
      return status === 500 ? this.serverError(exception, request) : { statusCode: status, error, message: this.generic(locale, error) };
    }
    const fastifyError = exception as FastifyLikeError;
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const error = STATUS_CODES[fastifyError.statusCode] ?? 'bad_request';
      return { statusCode: fastifyError.statusCode, error, message: this.generic(locale, error) };
    }
    // node-postgres: no connection came free within DATABASE_POOL_TIMEOUT_MS. Busy, not broken.
    if (exception instanceof Error && exception.message === 'timeout exceeded when trying to connect') {
      this.logger.warn(`No database connection within the pool timeout (request ${request?.id}); answered 503`);
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'service_busy', message: this.i18n.t(locale, 'errors.service_busy') };
    }
    return this.serverError(exception, request);
  }

  /** Errors of the framework (an unknown route, broken JSON, a body too large) get the text of their status. */
  private generic(locale: Locale, code: string): string {
    return this.i18n.t(locale, this.i18n.has(`errors.${code}`) ? `errors.${code}` : 'errors.error');
  }

  private serverError(exception: unknown, request: FastifyRequest | undefined): ErrorResponseDto {
    const errorId = randomUUID();
    this.logger.error(
      { errorId, requestId: request?.id, err: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception) },
      `Unhandled error ${errorId}`,
    );
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'internal_error', message: this.i18n.t(localeOf(request), 'errors.internal_error'), errorId };
  }
}
