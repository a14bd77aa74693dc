import { RefObject, useEffect } from 'react';
import { ApiError } from '../api/client';

interface FieldDetail {
  field: string;
  errors?: string[];
}

/** The API's words about one field of the request (validation and password policy name it in `details`). */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const details: unknown = error.problem.details;
  if (!Array.isArray(details)) return undefined;
  const found = (details as FieldDetail[]).find((detail) => detail?.field === field);
  return found ? (found.errors ?? []).join(' ') || error.message : undefined;
}

/**
 * After a refusal about one field, the focus goes to that field once the error is shown: a screen reader
 * then reads its label with the error (tied to it by aria-describedby), which it would not announce on
 * its own. `refusedField` names the field (its input's name) an error is about, if any.
 */
export function useFocusRefusedField(form: RefObject<HTMLFormElement | null>, error: unknown, refusedField: (error: unknown) => string | undefined): void {
  const which = error ? refusedField(error) : undefined;
  useEffect(() => {
    const input = which ? form.current?.elements.namedItem(which) : null;
    if (input instanceof HTMLInputElement) input.focus();
  }, [error, which, form]);
}
