import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { Phrase, phrase } from '@app/i18n';
import { FieldProblem, ValidationFailedError } from '../errors/app-errors';

/**
 * The values a constraint's text needs, read from class-validator's English default message: the
 * error carries that message with the limits already filled in (also our own dynamic ones, like
 * "up to today"), while the decorator's arguments would have to be looked up per class, property
 * and `each` in the metadata storage. A message set on a decorator is a catalogue key itself.
 */
const VALUES: Record<string, (text: string) => Record<string, string>> = {
  isIn: (text) => ({ values: text.split('following values: ')[1] ?? '' }),
  isEnum: (text) => ({ values: text.split('following values: ')[1] ?? '' }),
  isDateTime: (text) => ({ years: /up to (\d+) years/.exec(text)?.[1] ?? '' }),
  isCalendarDate: (text) => {
    const [, from = '', to = ''] = /from (\S+) up to (\S+)$/.exec(text) ?? [];
    return { from, to };
  },
};

function text(constraint: string, message: string, field: string, property: string): Phrase {
  if (message.startsWith('validation.')) return phrase(message, { field });
  const values = VALUES[constraint];
  if (values) return phrase(constraint === 'isCalendarDate' && message.endsWith('up to today') ? 'validation.isCalendarDateUntilToday' : `validation.${constraint}`, { field, ...values(message) });
  // Lengths, sizes, minima and maxima: the number after the property's name.
  const limit = /-?\d+(\.\d+)?/.exec(message.slice(message.indexOf(property) + property.length))?.[0];
  return phrase(`validation.${constraint}`, limit === undefined ? { field } : { field, limit });
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const entries = Object.entries(error.constraints ?? {});
    const own = entries.length > 0 ? [{ field, errors: entries.map(([constraint, message]) => text(constraint, message, field, error.property)), constraints: entries.map(([constraint]) => constraint) }] : [];
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
    // Texts are phrases: the exception filter writes them in the reader's language.
    exceptionFactory: (errors) => new ValidationFailedError(phrase('validation.invalid'), flatten(errors)),
  });
}

/**
 * For fields that may be left out but not sent as null (their column cannot hold null): unlike
 * `@IsOptional()`, a null still goes through the other validators and is refused with a 400.
 * Keep `@IsOptional()` for fields where null means "clear it".
 */
export const Optional = () => ValidateIf((_, value) => value !== undefined);
