import type { OpsError } from './errors/index.ts';

/** A per-item outcome for batches: a bad item never takes its batch down. */
export type Result<T, E = OpsError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
