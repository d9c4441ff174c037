import { getBase58Decoder, getBase58Encoder, getBase64Encoder, getCompiledTransactionMessageDecoder, getTransactionDecoder } from '@solana/kit';
import { RawTxUndecodableError } from '../bitcoin/errors.ts';
import { programs } from './programs.ts';

export interface DecodedSolanaTx {
  signature: string;
  blockhash: string;
  writableAccounts: string[];
  /** SetComputeUnitPrice, micro-lamports per compute unit (0 when absent). */
  computeUnitPriceMicroLamports: bigint;
  computeUnitLimit?: number;
}

/** Decodes a signed wire transaction (base64, or base58) with @solana/kit codecs. */
export function decodeSolanaRaw(raw: string): DecodedSolanaTx {
  const text = raw.trim();
  try {
    const tx = tx0(text);
    const message = getCompiledTransactionMessageDecoder().decode(tx.messageBytes);
    const [firstSigner] = Object.keys(tx.signatures);
    const sigBytes = firstSigner ? tx.signatures[firstSigner as keyof typeof tx.signatures] : null;
    if (!sigBytes) throw new Error('the transaction is not signed');
    const keys = message.staticAccounts.map(String);
    const h = message.header;
    const writable = keys.filter((_, i) => (i < h.numSignerAccounts ? i < h.numSignerAccounts - h.numReadonlySignerAccounts : i < keys.length - h.numReadonlyNonSignerAccounts));
    let price = 0n;
    let limit: number | undefined;
    for (const ix of 'instructions' in message ? message.instructions : []) {
      if (keys[ix.programAddressIndex] !== programs.computeBudget || !ix.data) continue;
      const view = new DataView(ix.data.buffer, ix.data.byteOffset, ix.data.byteLength);
      if (ix.data[0] === 3 && ix.data.length >= 9) price = view.getBigUint64(1, true);
      if (ix.data[0] === 2 && ix.data.length >= 5) limit = view.getUint32(1, true);
    }
    return { signature: getBase58Decoder().decode(sigBytes), blockhash: String(message.lifetimeToken), writableAccounts: writable, computeUnitPriceMicroLamports: price, ...(limit !== undefined ? { computeUnitLimit: limit } : {}) };
  } catch (err) {
    if (err instanceof RawTxUndecodableError) throw err;
    throw new RawTxUndecodableError('Solana', (err as Error).message, err);
  }
}

function tx0(text: string) {
  const encoders = [() => getBase64Encoder().encode(text), () => getBase58Encoder().encode(text)];
  let last: unknown;
  for (const encode of encoders) {
    try {
      const tx = getTransactionDecoder().decode(new Uint8Array(encode()));
      getCompiledTransactionMessageDecoder().decode(tx.messageBytes);
      return tx;
    } catch (err) {
      last = err;
    }
  }
  throw last instanceof Error ? last : new Error('not a base64 or base58 wire transaction');
}
