import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TooManyRequestsError } from './app-errors';
import { ErrorResponseDto } from './error-response.dto';

const STATUS_CODES: Record<number, string> = {
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
 * The single exception filter: every error leaves as `{statusCode, error, message, details?}`.
 * A 5xx gets an error id that is logged with the stack; the response never contains the stack.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

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
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const r = response as Record<string, unknown>;
        const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
        const error = typeof r.error === 'string' && /^[a-z_]+$/.test(r.error) ? r.error : (STATUS_CODES[status] ?? 'error');
        const result: ErrorResponseDto = { statusCode: status, error, message };
        if (r.details !== undefined) result.details = r.details;
        return status === 500 ? this.serverError(exception, request) : result;
      }
      const result = { statusCode: status, error: STATUS_CODES[status] ?? 'error', message: String(response) };
      return status === 500 ? this.serverError(exception, request) : result;
    }
    const fastifyError = exception as FastifyLikeError;
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const status = fastifyError.statusCode;
      return { statusCode: status, error: STATUS_CODES[status] ?? 'bad_request', message: fastifyError.message ?? 'Bad request' };
    }
    // node-postgres: no connection came free within DATABASE_POOL_TIMEOUT_MS. Busy, not broken.
    if (exception instanceof Error && exception.message === 'timeout exceeded when trying to connect') {
      this.logger.warn(`No database connection within the pool timeout (request ${request?.id}); answered 503`);
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'service_busy', message: 'The service is busy; try again in a moment' };
    }
    return this.serverError(exception, request);
  }

  private serverError(exception: unknown, request: FastifyRequest | undefined): ErrorResponseDto {
    const errorId = randomUUID();
    this.logger.error(
      { errorId, requestId: request?.id, err: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception) },
      `Unhandled error ${errorId}`,
    );
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'internal_error', message: 'Something went wrong on our side; quote the errorId when you report it', errorId };
  }
}
