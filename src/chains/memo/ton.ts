import { formatUnits } from '../bitcoin/diagnose.ts';
import { ChainRpcBadResponseError } from '../bitcoin/errors.ts';
import type { HttpJson } from '../bitcoin/http-json.ts';
import type { MemoSource, MemoTransfer } from './source.ts';

/** Raw form `wc:hex` of a TON address given raw or user-friendly (base64/base64url, 36 bytes: flags, workchain, hash, crc). */
export function tonRaw(address: string): string {
  if (/^-?\d+:[0-9a-fA-F]{64}$/.test(address)) return address.toLowerCase();
  const bytes = Buffer.from(address.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length !== 36) return address;
  const wc = bytes.readInt8(1);
  return `${wc}:${bytes.subarray(2, 34).toString('hex')}`;
}

interface TonMsg {
  source?: string | null;
  destination?: string | null;
  value?: string | null;
  message_content?: { decoded?: { type?: string; comment?: string } | null } | null;
}
interface TonTx {
  hash: string;
  account: string;
  now?: number;
  lt?: string;
  description?: { aborted?: boolean; compute_ph?: { exit_code?: number; skipped?: boolean }; action?: { result_code?: number } };
  in_msg?: TonMsg | null;
  out_msgs?: TonMsg[];
}

/** TON through toncenter's v3 indexer API (`/transactions?hash=`, `/account`); a configured `/api/v2` base is mapped to `/api/v3`. */
export function createToncenterSource(http: HttpJson, url: string): MemoSource {
  return {
    canonical: tonRaw,
    async getTransfer(hash, signal): Promise<MemoTransfer | undefined> {
      const body = (await http.get(`/transactions?hash=${encodeURIComponent(hash)}&limit=1`, { signal })) as { transactions?: TonTx[] } | undefined;
      if (body !== undefined && !Array.isArray(body?.transactions)) throw new ChainRpcBadResponseError(url, '/transactions: no transactions list');
      const tx = body?.transactions?.[0];
      if (!tx) return undefined;
      const external = !tx.in_msg?.source;
      const msg = external ? tx.out_msgs?.[0] : tx.in_msg;
      const d = tx.description ?? {};
      const exit = d.compute_ph?.exit_code;
      const action = d.action?.result_code;
      const comment = msg?.message_content?.decoded?.type === 'text_comment' ? msg.message_content.decoded.comment : undefined;
      const evidence = { account: tx.account, lt: tx.lt, now: tx.now, aborted: d.aborted, computeExitCode: exit, actionResultCode: action, direction: external ? 'outgoing' : 'incoming' };
      const base = { ...(msg?.source ? { from: msg.source } : external ? { from: tx.account } : {}), ...(msg?.destination ? { to: msg.destination } : {}), ...(msg?.value ? { amount: formatUnits(BigInt(msg.value), 9) } : {}), asset: 'TON', ...(comment ? { memo: comment } : {}), evidence };
      if (d.aborted || (exit !== undefined && exit !== 0 && exit !== 1) || (action !== undefined && action !== 0)) {
        const hint = exit === -14 || exit === 13 ? 'out of gas: attach more TON for fees' : action === 37 ? 'not enough Toncoin for the action' : 'the bounce returns the value minus fees';
        return { ...base, status: 'failed', failure: { code: `exit ${exit ?? '-'} / action ${action ?? '-'}`, hint } };
      }
      return { ...base, status: 'confirmed' };
    },
    async balance(address, signal) {
      const acc = (await http.get(`/account?address=${encodeURIComponent(address)}`, { signal, notFoundOn400: true })) as { balance?: string; status?: string } | undefined;
      return { exists: Boolean(acc && acc.status !== 'nonexist'), balance: formatUnits(BigInt(acc?.balance ?? '0'), 9), memoFlag: false };
    },
  };
}
