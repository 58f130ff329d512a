import type { z } from '@counter/shared/schemas';
import { validationError } from '../errors.js';

/** Parses a body/params/query with its schema, or throws validation_failed with the issues. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
