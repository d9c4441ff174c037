import type { ErrorCode } from './codes.ts';

export interface OpsErrorOptions {
  code?: ErrorCode;
  cause?: unknown;
  metaMessages?: readonly string[];
  docsPath?: string;
  details?: string;
  /** Structured facts about the failure. Must already be free of secrets. */
  context?: Readonly<Record<string, unknown>>;
  retryable?: boolean;
}

const docsBase = 'docs/errors.md';

/** The root of every error OpsDesk raises on purpose. */
export class OpsError extends Error {
  override name = 'OpsError';
  readonly code: ErrorCode;
  readonly shortMessage: string;
  readonly metaMessages: readonly string[];
  readonly docsPath: string | undefined;
  readonly details: string | undefined;
  readonly context: Readonly<Record<string, unknown>>;
  readonly retryable: boolean;

  constructor(shortMessage: string, options: OpsErrorOptions = {}) {
    const details = options.details ?? detailsOf(options.cause);
    const lines = [shortMessage];
    if (options.metaMessages?.length) lines.push('', ...options.metaMessages);
    if (options.docsPath) lines.push('', `Docs: ${docsBase}#${options.docsPath}`);
    if (details && details !== shortMessage) lines.push('', `Details: ${details}`);
    super(lines.join('\n'), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? 'INTERNAL';
    this.shortMessage = shortMessage;
    this.metaMessages = options.metaMessages ?? [];
    this.docsPath = options.docsPath;
    this.details = details;
    this.context = options.context ?? {};
    this.retryable = options.retryable ?? (this.code === 'UNAVAILABLE' || this.code === 'TIMEOUT' || this.code === 'RATE_LIMITED');
  }

  /** Walks the cause chain; returns the first error matching `fn`, or the deepest cause. */
  walk(fn?: (err: unknown) => boolean): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk starts at this error
    let current: unknown = this;
    for (;;) {
      if (fn?.(current)) return current;
      const next = current instanceof Error ? current.cause : undefined;
      if (next === undefined) return fn ? undefined : current;
      current = next;
    }
  }
}

function detailsOf(cause: unknown): string | undefined {
  if (cause instanceof OpsError) return cause.details ?? cause.shortMessage;
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'string') return cause;
  return undefined;
}

/** Wraps anything thrown into an OpsError, keeping OpsErrors as they are. */
export function toOpsError(err: unknown): OpsError {
  if (err instanceof OpsError) return err;
  return new OpsError('An unexpected error occurred.', { code: 'INTERNAL', cause: err });
}

export function isOpsError(err: unknown): err is OpsError {
  return err instanceof OpsError;
}
