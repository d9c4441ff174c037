export { errorCodes, type ErrorCode } from './codes.ts';
export { OpsError, toOpsError, isOpsError, type OpsErrorOptions } from './ops-error.ts';
export {
  ValidationError,
  NotFoundError,
  ConflictError,
  UnauthorizedError,
  ForbiddenError,
  RateLimitedError,
  UnavailableError,
  TimeoutError,
} from './common.ts';
export { redactUrl } from './redact-url.ts';
