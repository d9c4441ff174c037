export { createRpcClient, type RpcCall, type RpcClient, type RpcClientOptions, type RpcResult, type RpcStats } from './client.ts';
export { RpcBudgetExceededError, RpcChainMismatchError, RpcHttpError, RpcRateLimitedError, RpcRequestError, RpcResponseInvalidError, RpcTimeoutError, RpcUnavailableError } from './errors.ts';
