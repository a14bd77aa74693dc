import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { ValidationFailedError } from '../errors/app-errors';

export interface FieldError {
  field: string;
  errors: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Strict input validation for every route: unknown fields are refused, types are converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const message = details.map((d) => d.errors.join(', ')).join('; ') || 'The request is not valid';
      return new ValidationFailedError(message, details);
    },
  });
}

/**
 * For fields that may be left out but not sent as null (their column cannot hold null): unlike
 * `@IsOptional()`, a null still goes through the other validators and is refused with a 400.
 * Keep `@IsOptional()` for fields where null means "clear it".
 */
export const Optional = () => ValidateIf((_, value) => value !== undefined);
