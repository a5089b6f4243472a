/** Turns a Zod failure into a validation error that names every field at fault. */
import type { z } from 'zod';
import { isMessageKey } from '@par/contracts';
import { PortalError } from './errors';

export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const result = schema.safeParse(params ?? {});
  if (result.success) return result.data;
  return throwValidation(result.error);
}

function throwValidation(error: z.ZodError): never {
  const fields = error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '_';
    // Our schemas give catalogue keys as messages; Zod's own (Vietnamese locale) text otherwise.
    return isMessageKey(issue.message)
      ? { field, key: issue.message }
      : { field, message: issue.message };
  });
  throw new PortalError('E_VALIDATION', { key: 'error.validation', fields });
}
