import { formatUnits } from '../bitcoin/diagnose.ts';
import { ChainRpcBadResponseError, ChainRpcError } from '../bitcoin/errors.ts';
import type { HttpJson } from '../bitcoin/http-json.ts';
import type { MemoSource, MemoTransfer } from './source.ts';

const lsfRequireDestTag = 0x00020000;

/** XRPL tec codes worth a hint (rippled TER.cpp). */
const tecHints: Readonly<Record<string, string>> = {
  tecDST_TAG_NEEDED: 'The destination requires a destination tag: send again with the tag.',
  tecNO_DST_INSUF_XRP: 'The destination account does not exist and the amount is below the account reserve: send at least the reserve to create it.',
  tecNO_DST: 'The destination account does not exist.',
  tecUNFUNDED_PAYMENT: 'Not enough XRP above the account reserve.',
  tecPATH_DRY: 'No liquidity path for this currency.',
  tecPATH_PARTIAL: 'Only part of the amount could be delivered through the paths.',
  tecNO_LINE: 'The destination has no trust line for this token.',
};

type Amount = string | { currency: string; issuer?: string; value: string };
const show = (a: Amount | undefined): { amount?: string; asset: string } => (a === undefined ? { asset: 'XRP' } : typeof a === 'string' ? { amount: formatUnits(BigInt(a), 6), asset: 'XRP' } : { amount: a.value, asset: a.currency });

/** XRP Ledger through rippled's JSON-RPC (`tx`, `account_info`), API v1 and v2 shapes. */
export function createXrplSource(http: HttpJson, url: string): MemoSource {
  async function call(method: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<Record<string, unknown> | undefined> {
    const body = (await http.post('', { method, params: [params] }, { signal })) as { result?: Record<string, unknown> } | undefined;
    const result = body?.result;
    if (!result || typeof result !== 'object') throw new ChainRpcBadResponseError(url, `${method}: no result object`);
    if (result.status === 'error') {
      if (result.error === 'txnNotFound' || result.error === 'actNotFound') return undefined;
      throw new ChainRpcError(url, method, Number(result.error_code ?? 0), String(result.error_message ?? result.error ?? 'error'));
    }
    return result;
  }
  return {
    canonical: (a) => a,
    async getTransfer(hash, signal): Promise<MemoTransfer | undefined> {
      const r = await call('tx', { transaction: hash, binary: false }, signal);
      if (!r) return undefined;
      const tx = (r.tx_json ?? r) as Record<string, unknown>;
      const meta = r.meta as { TransactionResult?: string; delivered_amount?: Amount } | undefined;
      const result = meta?.TransactionResult ?? 'unknown';
      const amount = show((meta?.delivered_amount ?? tx.DeliverMax ?? tx.Amount) as Amount | undefined);
      const evidence = { transactionType: tx.TransactionType, result, ledgerIndex: r.ledger_index ?? tx.ledger_index, validated: r.validated, destinationTag: tx.DestinationTag, feeDrops: tx.Fee, deliveredAmount: meta?.delivered_amount };
      const base = { ...(typeof tx.Account === 'string' ? { from: tx.Account } : {}), ...(typeof tx.Destination === 'string' ? { to: tx.Destination } : {}), ...amount, ...(tx.DestinationTag !== undefined ? { memo: String(tx.DestinationTag) } : {}), evidence };
      if (r.validated !== true) return { ...base, status: 'pending' };
      if (result !== 'tesSUCCESS') return { ...base, status: 'failed', failure: { code: result, hint: tecHints[result] ?? 'See the XRPL result code reference.' } };
      return { ...base, status: 'confirmed' };
    },
    async memoFlag(address, signal) {
      const r = await call('account_info', { account: address, ledger_index: 'validated' }, signal);
      const flags = Number((r?.account_data as { Flags?: number } | undefined)?.Flags ?? 0);
      return (flags & lsfRequireDestTag) !== 0;
    },
    async balance(address, signal) {
      const r = await call('account_info', { account: address, ledger_index: 'validated' }, signal);
      const data = r?.account_data as { Balance?: string; Flags?: number } | undefined;
      return { exists: Boolean(data), balance: formatUnits(BigInt(data?.Balance ?? '0'), 6), memoFlag: ((data?.Flags ?? 0) & lsfRequireDestTag) !== 0 };
    },
  };
}
