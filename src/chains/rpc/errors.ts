import { OpsError, RateLimitedError, TimeoutError, UnavailableError, ValidationError } from '../../core/index.ts';

export class RpcTimeoutError extends TimeoutError {
  override name = 'RpcTimeoutError';
  constructor(url: string, timeoutMs: number, cause?: unknown) {
    super(`The RPC endpoint ${url} did not answer within ${timeoutMs} ms.`, { cause, context: { url, timeoutMs }, metaMessages: ['Raise chains.timeoutMs or add a fallback URL under chains.rpc.<slug>.'] });
  }
}

export class RpcRateLimitedError extends RateLimitedError {
  override name = 'RpcRateLimitedError';
  constructor(url: string, retryAfterSec: number) {
    super(`The RPC endpoint ${url} is rate limiting (HTTP 429).`, retryAfterSec, { context: { url }, metaMessages: ['Add a fallback URL under chains.rpc.<slug>, or use a provider key with a higher limit.'] });
  }
}

export class RpcResponseInvalidError extends UnavailableError {
  override name = 'RpcResponseInvalidError';
  constructor(url: string, reason: string, cause?: unknown) {
    super(`The RPC endpoint ${url} sent an invalid answer: ${reason}.`, { cause, context: { url, reason } });
  }
}

export class RpcHttpError extends UnavailableError {
  override name = 'RpcHttpError';
  constructor(url: string, status: number, cause?: unknown) {
    super(`The RPC endpoint ${url} answered HTTP ${status}.`, { cause, context: { url, status } });
  }
}

/** A JSON-RPC error object returned for one call (the node understood the request and refused it). */
export class RpcRequestError extends OpsError {
  override name = 'RpcRequestError';
  readonly rpcCode: number;
  readonly data: unknown;
  constructor(method: string, rpcCode: number, message: string, data: unknown) {
    super(`${method} failed: ${message}`, { code: 'UNAVAILABLE', context: { method, rpcCode }, retryable: false });
    this.rpcCode = rpcCode;
    this.data = data;
  }
}

export class RpcUnavailableError extends UnavailableError {
  override name = 'RpcUnavailableError';
  constructor(label: string, failures: readonly string[], cause: unknown) {
    super(`No RPC endpoint of ${label} answered.`, {
      cause,
      metaMessages: [...failures.map((f) => `- ${f}`), 'Check the endpoints under chains.rpc in the configuration, or pass --rpc URL.'],
      context: { label, failures },
    });
  }
}

export class RpcChainMismatchError extends ValidationError {
  override name = 'RpcChainMismatchError';
  constructor(url: string, expected: number, actual: number) {
    super(`The RPC endpoint ${url} serves chain id ${actual}, not ${expected}.`, {
      context: { url, expected, actual },
      metaMessages: ['Check --chain and --rpc, or the URLs under chains.rpc in the configuration.'],
    });
  }
}

export class RpcBudgetExceededError extends TimeoutError {
  override name = 'RpcBudgetExceededError';
  constructor(label: string, cause?: unknown) {
    super(`The time budget for ${label} ran out before its RPC endpoints answered.`, { cause, context: { label }, metaMessages: ['Raise chains.searchTimeoutMs, or ask one chain with --chain.'] });
  }
}
