import { ValidationError } from '../../core/index.ts';

export class RawTxInvalidError extends ValidationError {
  override name = 'RawTxInvalidError';
  constructor(reason: string, cause?: unknown) {
    super(`The raw transaction cannot be decoded: ${reason}.`, { cause, metaMessages: ['Pass the signed transaction as 0x-prefixed hex, as sent to eth_sendRawTransaction.'] });
  }
}

export class RawTxMismatchError extends ValidationError {
  override name = 'RawTxMismatchError';
  constructor(hash: string, rawHash: string) {
    super(`The raw transaction has hash ${rawHash}, not ${hash}.`, { context: { hash, rawHash }, metaMessages: ['Pass the raw transaction of the same hash, or diagnose the raw transaction\'s hash.'] });
  }
}

export class RawTxChainMismatchError extends ValidationError {
  override name = 'RawTxChainMismatchError';
  constructor(rawChainId: number, chainId: number) {
    super(`The raw transaction is signed for chain id ${rawChainId}, not ${chainId}.`, { context: { rawChainId, chainId }, metaMessages: ['Diagnose it on the chain it was signed for (or leave out --chain).'] });
  }
}
