import { Transaction, type Network } from 'bitcoinjs-lib';
import { RawTxUndecodableError } from './errors.ts';
import { scriptAddress } from './networks.ts';

export interface DecodedRawTx {
  txid: string;
  vsize: number;
  /** BIP125: any input sequence below 0xfffffffe. */
  rbf: boolean;
  inputs: Array<{ txid: string; vout: number; sequence: number }>;
  outputs: Array<{ address?: string; scriptHex: string; valueSat: bigint }>;
  /** Known only when the prevout values are given. */
  feeSat?: bigint;
}

/** Decodes a signed raw transaction (hex) with bitcoinjs-lib; the fee needs the values of the spent outputs. */
export function decodeRawTx(hex: string, network: Network, chain: string, prevoutValues?: ReadonlyMap<string, bigint>): DecodedRawTx {
  const clean = hex.trim().replace(/^0x/i, '');
  if (!/^([0-9a-fA-F]{2})+$/.test(clean)) throw new RawTxUndecodableError(chain, 'not hexadecimal');
  let tx: Transaction;
  try {
    tx = Transaction.fromHex(clean);
  } catch (err) {
    throw new RawTxUndecodableError(chain, (err as Error).message, err);
  }
  const inputs = tx.ins.map((i) => ({ txid: Buffer.from(i.hash).reverse().toString('hex'), vout: i.index, sequence: i.sequence }));
  const outputs = tx.outs.map((o) => {
    const address = scriptAddress(o.script, network);
    return { scriptHex: Buffer.from(o.script).toString('hex'), valueSat: BigInt(o.value), ...(address ? { address } : {}) };
  });
  const decoded: DecodedRawTx = { txid: tx.getId(), vsize: tx.virtualSize(), rbf: tx.ins.some((i) => i.sequence < 0xfffffffe), inputs, outputs };
  if (prevoutValues && inputs.every((i) => prevoutValues.has(`${i.txid}:${i.vout}`))) {
    const totalIn = inputs.reduce((sum, i) => sum + (prevoutValues.get(`${i.txid}:${i.vout}`) ?? 0n), 0n);
    decoded.feeSat = totalIn - outputs.reduce((sum, o) => sum + o.valueSat, 0n);
  }
  return decoded;
}
