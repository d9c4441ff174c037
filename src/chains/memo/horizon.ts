import { ChainRpcBadResponseError } from '../bitcoin/errors.ts';
import type { HttpJson } from '../bitcoin/http-json.ts';
import type { MemoSource, MemoTransfer } from './source.ts';

interface HorizonTx {
  hash?: string;
  successful?: boolean;
  memo_type?: string;
  memo?: string;
  source_account?: string;
  fee_charged?: string | number;
  ledger?: number;
  created_at?: string;
}
interface HorizonOp {
  type?: string;
  from?: string;
  to?: string;
  amount?: string;
  asset_type?: string;
  asset_code?: string;
  funder?: string;
  account?: string;
  starting_balance?: string;
}

/** Stellar through Horizon (`/transactions/{hash}`, its operations, `/accounts/{id}` with SEP-29 `config.memo_required`). */
export function createHorizonSource(http: HttpJson, url: string): MemoSource {
  return {
    canonical: (a) => a,
    async getTransfer(hash, signal): Promise<MemoTransfer | undefined> {
      const tx = (await http.get(`/transactions/${hash}`, { signal })) as HorizonTx | undefined;
      if (tx === undefined) return undefined;
      if (typeof tx !== 'object' || tx === null || typeof tx.successful !== 'boolean') throw new ChainRpcBadResponseError(url, '/transactions/{hash}: no "successful" field');
      const ops = (await http.get(`/transactions/${hash}/operations?limit=20`, { signal })) as { _embedded?: { records?: HorizonOp[] } } | undefined;
      const records = ops?._embedded?.records ?? [];
      const pay = records.find((o) => o.type === 'payment' || o.type?.startsWith('path_payment')) ?? records.find((o) => o.type === 'create_account');
      const memo = tx.memo_type && tx.memo_type !== 'none' ? String(tx.memo ?? '') : undefined;
      const evidence = { ledger: tx.ledger, createdAt: tx.created_at, memoType: tx.memo_type, feeChargedStroops: tx.fee_charged, operation: pay?.type };
      const parts = pay
        ? pay.type === 'create_account'
          ? { from: pay.funder, to: pay.account, amount: pay.starting_balance, asset: 'XLM' }
          : { from: pay.from, to: pay.to, amount: pay.amount, asset: pay.asset_type === 'native' ? 'XLM' : (pay.asset_code ?? 'asset') }
        : { from: tx.source_account, asset: 'XLM' };
      const clean = Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)) as { asset: string };
      if (!tx.successful) return { ...clean, ...(memo !== undefined ? { memo } : {}), status: 'failed', failure: { code: 'tx_failed', hint: 'Common causes: op_no_trust (the recipient has no trustline for the asset) or op_no_destination (the account does not exist: use create_account with the minimum balance).' }, evidence };
      return { ...clean, ...(memo !== undefined ? { memo } : {}), status: 'confirmed', evidence };
    },
    async memoFlag(address, signal) {
      const acc = (await http.get(`/accounts/${address}`, { signal })) as { data?: Record<string, string> } | undefined;
      return acc?.data?.['config.memo_required'] === 'MQ==';
    },
    async balance(address, signal) {
      const acc = (await http.get(`/accounts/${address}`, { signal })) as { balances?: Array<{ balance: string; asset_type: string }>; data?: Record<string, string> } | undefined;
      if (!acc) return { exists: false, balance: '0', memoFlag: false };
      return { exists: true, balance: acc.balances?.find((b) => b.asset_type === 'native')?.balance ?? '0', memoFlag: acc.data?.['config.memo_required'] === 'MQ==' };
    },
  };
}
