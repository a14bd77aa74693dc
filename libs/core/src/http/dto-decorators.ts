import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsObject, ValidateBy, ValidateNested } from 'class-validator';

/** A nested object of the given class: an array, string or number in its place is refused. */
export const NestedObject = (type: () => new () => object) =>
  applyDecorators(IsObject(), ValidateNested(), Type(type));

/** An array of nested objects of the given class (no arrays or scalars as items). */
export const NestedObjects = (type: () => new () => object) =>
  applyDecorators(IsArray(), IsObject({ each: true, message: 'validation.eachIsObject' }), ValidateNested({ each: true }), Type(type));

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/i;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

/**
 * An RFC 3339 date-time with an explicit offset (`2026-12-05T22:00:00+01:00` or `…Z`), or null.
 * A time without an offset is refused rather than read in the server's own zone.
 */
export function parseDateTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = RFC3339.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const offsetOk = m[8].toUpperCase() === 'Z' || (Number(m[10]) <= 23 && Number(m[11]) <= 59);
  if (!validDay(y, mo, d) || h > 23 || mi > 59 || s > 59 || !offsetOk) return null;
  return new Date(value);
}

const EARLIEST = Date.UTC(2000, 0, 1);
const yearsFromNow = (years: number) => {
  const at = new Date();
  at.setUTCFullYear(at.getUTCFullYear() + years);
  return at;
};

/**
 * A date-time field: RFC 3339 with an offset, from 2000 up to `maxYearsAhead` years from now
 * (default 10), turned into a Date. The message shows the expected form.
 */
export const DateTime = (options: { maxYearsAhead?: number } = {}) => {
  const maxYearsAhead = options.maxYearsAhead ?? 10;
  return applyDecorators(
    Transform(({ value }) => parseDateTime(value) ?? value),
    ValidateBy({
      name: 'isDateTime',
      validator: {
        validate: (value) => value instanceof Date && value.getTime() >= EARLIEST && value <= yearsFromNow(maxYearsAhead),
        defaultMessage: (args) =>
          `${args?.property} must be a date and time with an offset, like 2026-12-05T22:00:00+01:00, from 2000 up to ${maxYearsAhead} years from now`,
      },
    }),
  );
};

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A calendar date `YYYY-MM-DD` that exists, from `from` (default 1900-01-01) up to today when
 * `past` is set, else up to `to` (default 20 years from now).
 */
export const CalendarDate = (options: { past?: boolean; from?: string; to?: string } = {}) => {
  const from = options.from ?? '1900-01-01';
  const latest = () => (options.past ? today() : (options.to ?? yearsFromNow(20).toISOString().slice(0, 10)));
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value) => {
        const m = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
        return !!m && validDay(Number(m[1]), Number(m[2]), Number(m[3])) && value >= from && value <= latest();
      },
      defaultMessage: (args) => `${args?.property} must be a date like 2026-12-05, from ${from} up to ${options.past ? 'today' : latest()}`,
    },
  });
};
