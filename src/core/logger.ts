import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The logging surface every module depends on (pino-compatible). */
export interface Logger {
  level: string;
  fatal(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
  trace(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export interface CreateLoggerOptions {
  level?: LogLevel;
  destination?: DestinationStream;
  /** Masks secrets in every string that reaches the log (wired to redaction by main). */
  scrub?: (text: string) => string;
}

/** JSON-lines logger on stderr (stdout is reserved for command output). */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const scrub = options.scrub;
  const logger: PinoLogger = pino(
    {
      level: options.level ?? 'info',
      base: null,
      redact: { paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'cookie', '*.cookie'], censor: '[REDACTED]' },
      hooks: scrub
        ? {
            logMethod(args, method) {
              method.apply(this, args.map((a) => scrubDeep(a, scrub)) as Parameters<typeof method>);
            },
          }
        : {},
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
  return logger as unknown as Logger;
}

function scrubDeep(value: unknown, scrub: (t: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: scrub(value.message) };
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, scrub, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, scrub, depth + 1);
  return out;
}

export const silentLogger: Logger = createLogger({ level: 'silent' });
