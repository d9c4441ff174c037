export {
  errorCodes,
  OpsError,
  toOpsError,
  isOpsError,
  ValidationError,
  NotFoundError,
  ConflictError,
  UnauthorizedError,
  ForbiddenError,
  RateLimitedError,
  UnavailableError,
  TimeoutError,
  redactUrl,
  type ErrorCode,
  type OpsErrorOptions,
} from './errors/index.ts';
export { Config, ServerConfig, DatabaseConfig, LogConfig, AuthConfig, logLevels, loadConfig, ConfigInvalidError, leafFields, envName, type ConfigInput, type LoadConfigOptions } from './config/index.ts';
export { newId, newSecret } from './ids.ts';
export { systemClock, manualClock, type Clock, type ManualClock } from './clock.ts';
export { ok, err, type Result } from './result.ts';
export { createLogger, silentLogger, type Logger, type LogLevel, type CreateLoggerOptions } from './logger.ts';
export { describeJsonError } from './json-error.ts';
