import { HttpException, HttpStatus } from '@nestjs/common';
import { Phrase, phrase } from '@app/i18n';

/** A field that failed validation: its texts to render and the stable names of the failed constraints. */
export interface FieldProblem {
  field: string;
  errors: Phrase[];
  constraints: string[];
}

/**
 * Errors with a stable machine-readable code. The global exception filter turns them into
 * `{statusCode, error: code, message, details?}`, the message written in the reader's language
 * from the catalogue text `errors.<code>` (or a more specific `text` with its values).
 */
export class AppError extends HttpException {
  /** What a person reads; rendered per request, since the reader's language is known only there. */
  readonly text: Phrase;

  constructor(
    status: HttpStatus,
    readonly code: string,
    text?: Phrase,
    readonly details?: unknown,
    /** Field problems: rendered into `details` as `[{field, errors, constraints}]` (details is then unused). */
    readonly fields?: FieldProblem[],
  ) {
    const message = text ?? phrase(`errors.${code}`);
    // `error.message` (logs, a failed job's last error) names the key and its values.
    super({ statusCode: status, error: code, message: message.params ? `${message.key} ${JSON.stringify(message.params)}` : message.key, details }, status);
    this.text = message;
  }
}

/** The catalogue key of a resource's name (`Referral source` → `resources.referral_source`). */
export const resourceKey = (resource: string) => `resources.${resource.toLowerCase().replace(/[ -]/g, '_')}`;

export class NotFoundError extends AppError {
  constructor(resource: string, id?: string) {
    const name = phrase(resourceKey(resource));
    super(HttpStatus.NOT_FOUND, 'not_found', id ? phrase('errors.not_found_resource', { resource: name, id }) : phrase('errors.not_found_resource_without_id', { resource: name }));
  }
}

export class ConflictError extends AppError {
  constructor(code: string, text?: Phrase, details?: unknown) {
    super(HttpStatus.CONFLICT, code, text, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(text?: Phrase) {
    super(HttpStatus.FORBIDDEN, 'forbidden', text);
  }
}

export class UnauthorizedError extends AppError {
  constructor(code = 'unauthorized', text?: Phrase) {
    super(HttpStatus.UNAUTHORIZED, code, text);
  }
}

/** 400 validation_failed; with field problems the message lists them, else it is `text`. */
export class ValidationFailedError extends AppError {
  constructor(text: Phrase, fields?: FieldProblem[]) {
    super(HttpStatus.BAD_REQUEST, 'validation_failed', text, undefined, fields);
  }
}

/** 429 with the seconds to wait, sent as the standard `Retry-After` header by the exception filter. */
export class TooManyRequestsError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    what: 'attempts' | 'login' | 'passwordReset' | 'address' = 'attempts',
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, 'too_many_requests', phrase('errors.too_many_requests', { what: phrase(`errors.tooMany.${what}`), wait: phrase('units.seconds', { count: retryAfterSeconds }) }));
  }
}
