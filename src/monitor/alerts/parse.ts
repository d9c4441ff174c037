import type { z } from 'zod';
import { ValidationError } from '../../core/index.ts';

/** Validates input with a schema, as a VALIDATION error listing each problem. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new ValidationError(`Invalid ${what}.`, { metaMessages: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) });
}
