/** Puts the server's field errors (422 `fields`, 409 `field`) under the matching form controls. */
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { isApiError } from './api-error';

/**
 * Sets each server field error on the form and focuses the first one. Returns true when at least
 * one error landed on a field; otherwise the caller shows the error's message in the form itself.
 * `fieldNames` are the form's fields; `toFormField` renames API fields the form names differently.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldNames: readonly FieldPath<T>[],
  toFormField: (apiField: string) => string = (field) => field,
): boolean {
  if (!isApiError(error)) return false;
  const reported = error.fields.length
    ? error.fields
    : error.field
      ? [{ field: error.field, message: error.message }]
      : [];
  let applied = 0;
  for (const { field, message } of reported) {
    const name = toFormField(field) as FieldPath<T>;
    if (!fieldNames.includes(name)) continue;
    setError(name, { type: 'server', message }, { shouldFocus: applied === 0 });
    applied += 1;
  }
  return applied > 0;
}
