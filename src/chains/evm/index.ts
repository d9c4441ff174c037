export { createEvmAdapter, evmAdapterFactory } from './adapter.ts';
export { decodeRevert, classifyRevert, type DecodedRevert } from './revert.ts';
export { decodeRawTx, type DecodedRawTx } from './raw-tx.ts';
export { RawTxInvalidError, RawTxMismatchError, RawTxChainMismatchError } from './errors.ts';
