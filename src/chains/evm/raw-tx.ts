import { getAddress, keccak256, parseTransaction, recoverTransactionAddress, type Hex, type TransactionSerialized } from 'viem';
import { RawTxInvalidError } from './errors.ts';

export interface DecodedRawTx {
  hash: string;
  from: string;
  to: string | undefined;
  nonce: number;
  value: bigint;
  input: string;
  gas: bigint;
  chainId: number | undefined;
  type: string;
  /** maxFeePerGas, or gasPrice for legacy transactions. */
  feeCap: bigint;
  priorityFee: bigint | undefined;
}

/** Decodes a signed raw transaction and recovers its sender. */
export async function decodeRawTx(raw: string): Promise<DecodedRawTx> {
  const hex = (raw.trim().startsWith('0x') ? raw.trim() : `0x${raw.trim()}`) as Hex;
  if (!/^0x[0-9a-fA-F]+$/.test(hex)) throw new RawTxInvalidError('it is not hex');
  let parsed: ReturnType<typeof parseTransaction>;
  let from: string;
  try {
    parsed = parseTransaction(hex);
    from = await recoverTransactionAddress({ serializedTransaction: hex as TransactionSerialized });
  } catch (err) {
    throw new RawTxInvalidError((err as { shortMessage?: string }).shortMessage ?? (err as Error).message, err);
  }
  return {
    hash: keccak256(hex),
    from: getAddress(from),
    to: parsed.to ? getAddress(parsed.to) : undefined,
    nonce: parsed.nonce ?? 0,
    value: parsed.value ?? 0n,
    input: parsed.data ?? '0x',
    gas: parsed.gas ?? 0n,
    chainId: parsed.chainId,
    type: parsed.type ?? 'legacy',
    feeCap: parsed.maxFeePerGas ?? parsed.gasPrice ?? 0n,
    priorityFee: parsed.maxPriorityFeePerGas,
  };
}
