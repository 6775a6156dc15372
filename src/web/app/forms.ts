import type { FormErrors } from '@mantine/form';
import { ApiError } from './api';

/**
 * Puts the server's per-field messages next to the matching controls. Returns the message to
 * show above the form when the error does not belong to any one field it has.
 */
export function applyServerErrors(
  err: unknown,
  fields: readonly string[],
  setErrors: (errors: FormErrors) => void,
): string | undefined {
  if (!(err instanceof ApiError)) return 'Something went wrong. Please try again.';
  const known = Object.entries(err.fieldErrors).filter(([field]) => fields.includes(field));
  if (known.length > 0) {
    setErrors(Object.fromEntries(known));
    return known.length === Object.keys(err.fieldErrors).length ? undefined : err.message;
  }
  return err.message;
}
