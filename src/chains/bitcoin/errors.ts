import { OpsError, RateLimitedError, TimeoutError, UnavailableError, ValidationError } from '../../core/index.ts';

// Upstream errors of the non-EVM chain adapters (bitcoin, solana, tron, memo), which share the HTTP client in ./http-json.ts.

export class ChainRpcTimeoutError extends TimeoutError {
  override name = 'ChainRpcTimeoutError';
  constructor(url: string, timeoutMs: number, cause?: unknown) {
    super(`The chain endpoint ${url} did not answer within ${timeoutMs} ms.`, {
      cause,
      context: { url, timeoutMs },
      metaMessages: ['Try again, or configure another endpoint for this chain (chains.rpc).'],
    });
  }
}

export class ChainRpcRateLimitedError extends RateLimitedError {
  override name = 'ChainRpcRateLimitedError';
  constructor(url: string, retryAfterSec: number) {
    super(`The chain endpoint ${url} is rate limiting us (HTTP 429).`, retryAfterSec, {
      context: { url, status: 429 },
      metaMessages: [`Retry after ${retryAfterSec} s, or configure an endpoint with a higher quota (chains.rpc).`],
    });
  }
}

export class ChainRpcUnavailableError extends UnavailableError {
  override name = 'ChainRpcUnavailableError';
  constructor(url: string, reason: string, options: { status?: number; cause?: unknown } = {}) {
    super(`The chain endpoint ${url} is unavailable: ${reason}.`, {
      cause: options.cause,
      context: { url, ...(options.status ? { status: options.status } : {}) },
      metaMessages: ['Try again later, or configure another endpoint for this chain (chains.rpc).'],
    });
  }
}

export class ChainRpcBadResponseError extends UnavailableError {
  override name = 'ChainRpcBadResponseError';
  constructor(url: string, reason: string, cause?: unknown) {
    super(`The chain endpoint ${url} answered with something that is not the expected JSON: ${reason}.`, {
      cause,
      context: { url },
      metaMessages: ['The endpoint may be misconfigured (wrong API kind for this chain) or failing; check chains.rpc.'],
    });
  }
}

/** A JSON-RPC error object; the upstream code stays in `context.rpcCode`. */
export class ChainRpcError extends OpsError {
  override name = 'ChainRpcError';
  readonly rpcCode: number;
  constructor(url: string, method: string, rpcCode: number, rpcMessage: string) {
    super(`The chain endpoint ${url} refused ${method}: ${rpcMessage} (code ${rpcCode}).`, {
      code: 'UNAVAILABLE',
      context: { url, method, rpcCode, rpcMessage },
      metaMessages: ['Check that the endpoint serves this chain and supports this method.'],
    });
    this.rpcCode = rpcCode;
  }
}

export class TxIdInvalidError extends ValidationError {
  override name = 'TxIdInvalidError';
  constructor(hash: string, chain: string, expected: string) {
    super(`"${hash}" is not a ${chain} transaction id.`, { context: { chain }, metaMessages: [`A ${chain} transaction id is ${expected}.`] });
  }
}

export class RawTxUndecodableError extends ValidationError {
  override name = 'RawTxUndecodableError';
  constructor(chain: string, reason: string, cause?: unknown) {
    super(`The raw ${chain} transaction could not be decoded: ${reason}.`, { cause, context: { chain }, metaMessages: ['Paste the signed transaction exactly as broadcast (hex).'] });
  }
}

export class ChainEndpointMissingError extends ValidationError {
  override name = 'ChainEndpointMissingError';
  constructor(chain: string) {
    super(`No endpoint is configured for ${chain}.`, { context: { chain }, metaMessages: [`Set chains.rpc.${chain} in the configuration, or pass --rpc URL.`] });
  }
}

export class BitcoinAddressLookupUnsupportedError extends ValidationError {
  override name = 'BitcoinAddressLookupUnsupportedError';
  constructor(endpoint: string) {
    super(`The Bitcoin Core endpoint ${endpoint} cannot look up addresses (Core keeps no address index).`, {
      context: { endpoint },
      metaMessages: ['Configure an Esplora-compatible endpoint (mempool.space, Blockstream, electrs) for address inspection.'],
    });
  }
}
