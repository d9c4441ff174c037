import type { ErrorCode } from '../core/index.ts';

/** The one place error codes become exit codes (CONTRACTS.md: 2 bad input, 3 not found, 6 upstream unavailable, 1 internal). */
export const exitCodeOf: Record<ErrorCode, number> = {
  VALIDATION: 2,
  NOT_FOUND: 3,
  UNAUTHORIZED: 4,
  FORBIDDEN: 4,
  CONFLICT: 5,
  UNAVAILABLE: 6,
  TIMEOUT: 6,
  RATE_LIMITED: 6,
  INTERNAL: 1,
};
