export { createBitcoinAdapter, bitcoinAdapterFactory, type BitcoinAdapterOptions } from './adapter.ts';
export { decodeRawTx, type DecodedRawTx } from './decode-raw.ts';
export { formatUnits } from './diagnose.ts';
export { createHttpJson, type HttpJson, type HttpJsonOptions } from './http-json.ts';
export {
  ChainRpcTimeoutError,
  ChainRpcRateLimitedError,
  ChainRpcUnavailableError,
  ChainRpcBadResponseError,
  ChainRpcError,
  TxIdInvalidError,
  RawTxUndecodableError,
  ChainEndpointMissingError,
  BitcoinAddressLookupUnsupportedError,
} from './errors.ts';
