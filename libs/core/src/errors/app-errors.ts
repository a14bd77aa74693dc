import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * Errors with a stable machine-readable code. The global exception filter turns them into
 * `{statusCode, error: code, message, details?}`.
 */
export class AppError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super({ statusCode: status, error: code, message, details }, status);
  }
}

export class NotFoundError extends AppError {
  constructor(resource: string, id?: string) {
    super(HttpStatus.NOT_FOUND, 'not_found', id ? `${resource} ${id} was not found` : `${resource} was not found`);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(HttpStatus.CONFLICT, code, message, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this action') {
    super(HttpStatus.FORBIDDEN, 'forbidden', message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required', code = 'unauthorized') {
    super(HttpStatus.UNAUTHORIZED, code, message);
  }
}

export class ValidationFailedError extends AppError {
  constructor(message: string, details?: unknown) {
    super(HttpStatus.BAD_REQUEST, 'validation_failed', message, details);
  }
}

/** 429 with the seconds to wait, sent as the standard `Retry-After` header by the exception filter. */
export class TooManyRequestsError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    what = 'attempts',
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, 'too_many_requests', `Too many ${what}; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`);
  }
}
