import type { ErrorCode, OpsError } from '../core/index.ts';
import { scrubText } from '../redaction/index.ts';

/** The one place error codes become HTTP statuses. */
export const statusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  hints?: readonly string[];
  errors?: unknown;
  requestId?: string;
}

/**
 * Renders an OpsError as RFC 9457 problem+json. Internal errors keep their details in the log; every
 * text that leaves passes through redaction as a last line of defence (errors should never quote input).
 */
export function toProblem(err: OpsError, requestId: string, statusOverride?: number): Problem {
  const status = statusOverride ?? statusOf[err.code];
  const internal = err.code === 'INTERNAL';
  const problem: Problem = {
    type: `/docs/errors#${err.docsPath ?? err.code.toLowerCase()}`,
    title: err.code.replace(/_/g, ' ').toLowerCase().replace(/^./, (s) => s.toUpperCase()),
    status,
    detail: internal ? 'An unexpected error occurred; it has been logged with this request id.' : scrubText(err.shortMessage),
    code: err.code,
    requestId,
  };
  if (!internal && err.metaMessages.length) problem.hints = err.metaMessages.filter((m) => m.trim() !== '').map(scrubText);
  if (!internal && Array.isArray(err.context.issues)) {
    problem.errors = (err.context.issues as Array<Record<string, unknown>>).map((issue) =>
      Object.fromEntries(Object.entries(issue).map(([k, v]) => [k, typeof v === 'string' ? scrubText(v) : v])),
    );
  }
  return problem;
}
