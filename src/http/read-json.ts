import type { Context } from 'hono';
import type { z } from 'zod';
import { ValidationError, describeJsonError } from '../core/index.ts';
import type { AppEnv } from './env.ts';
import { BadJsonError } from './errors.ts';

/** Reads and validates a JSON body; every schema issue is listed in the 400 answer. */
export async function readJson<T extends z.ZodType>(c: Context<AppEnv>, schema: T): Promise<z.output<T>> {
  let raw: unknown;
  try {
    const text = await c.req.text();
    if (!text.trim()) throw new BadJsonError('the body is empty');
    raw = JSON.parse(text);
  } catch (err) {
    if (err instanceof BadJsonError) throw err;
    throw new BadJsonError(describeJsonError(err));
  }
  return parseWith(schema, raw, 'request body');
}

/** Validates any value with a schema, as a 400-class error listing each problem. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new ValidationError(`Invalid ${what}.`, {
    metaMessages: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    context: { issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
  });
}
