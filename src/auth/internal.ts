import { ValidationError } from '../core/index.ts';
import type { z } from 'zod';

/** Parses input with a zod schema, turning every issue into one clear validation error. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new ValidationError(`Invalid ${what}.`, {
    metaMessages: r.error.issues.map((i) => `- ${i.path.join('.') || '(input)'}: ${i.message}`),
    context: { issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
  });
}
