import { formatUnits } from '../bitcoin/diagnose.ts';
import { ChainRpcBadResponseError } from '../bitcoin/errors.ts';
import type { HttpJson } from '../bitcoin/http-json.ts';
import type { ChainInfo } from '../registry/chain.ts';
import type { MemoSource, MemoTransfer } from './source.ts';

/** Cosmos SDK ABCI codes of the root codespace (cosmos-sdk types/errors). */
const sdkHints: Readonly<Record<number, string>> = {
  2: 'tx parse error',
  3: 'invalid sequence: another transaction used this account sequence; send again',
  4: 'unauthorized: wrong signer',
  5: 'insufficient funds for the amount plus fee',
  11: 'out of gas: send again with a higher gas limit',
  12: 'memo too large',
  13: 'insufficient fee: raise the fee',
  19: 'already in the mempool',
  32: 'incorrect account sequence: wait and send again',
};

interface Coin {
  denom: string;
  amount: string;
}

/** Cosmos SDK chains through the LCD REST API (`/cosmos/tx/v1beta1/txs/{hash}`, bank balances). */
export function createCosmosSource(http: HttpJson, url: string, chain: ChainInfo): MemoSource {
  const baseDenom = `u${chain.nativeSymbol.toLowerCase()}`;
  const show = (c: Coin | undefined) => (c ? (c.denom === baseDenom ? { amount: formatUnits(BigInt(c.amount), chain.nativeDecimals), asset: chain.nativeSymbol } : { amount: c.amount, asset: c.denom }) : { asset: chain.nativeSymbol });
  return {
    canonical: (a) => a.toLowerCase(),
    async getTransfer(hash, signal): Promise<MemoTransfer | undefined> {
      const body = (await http.get(`/cosmos/tx/v1beta1/txs/${hash.toUpperCase()}`, { signal, notFoundOn400: true })) as { tx?: { body?: { messages?: Array<Record<string, unknown>>; memo?: string } }; tx_response?: { code?: number; codespace?: string; raw_log?: string; height?: string; gas_wanted?: string; gas_used?: string; timestamp?: string } } | undefined;
      if (body === undefined) return undefined;
      const res = body.tx_response;
      if (!res || !body.tx?.body) throw new ChainRpcBadResponseError(url, '/cosmos/tx/v1beta1/txs: no tx_response');
      const msg = body.tx.body.messages?.find((m) => m['@type'] === '/cosmos.bank.v1beta1.MsgSend' || m['@type'] === '/ibc.applications.transfer.v1.MsgTransfer');
      const isIbc = msg?.['@type'] === '/ibc.applications.transfer.v1.MsgTransfer';
      const coin = isIbc ? (msg?.token as Coin | undefined) : (msg?.amount as Coin[] | undefined)?.[0];
      const from = (isIbc ? msg?.sender : msg?.from_address) as string | undefined;
      const to = (isIbc ? msg?.receiver : msg?.to_address) as string | undefined;
      const memo = body.tx.body.memo ? body.tx.body.memo : undefined;
      const evidence = { height: res.height, code: res.code ?? 0, codespace: res.codespace, gasWanted: res.gas_wanted, gasUsed: res.gas_used, timestamp: res.timestamp, messageType: msg?.['@type'], rawLog: res.code ? res.raw_log : undefined };
      const base = { ...(from ? { from } : {}), ...(to ? { to } : {}), ...show(coin), ...(memo !== undefined ? { memo } : {}), evidence };
      if (res.code) {
        const code = res.code;
        const hint = res.codespace === 'sdk' || !res.codespace ? (sdkHints[code] ?? 'see raw_log') : `module ${res.codespace} error ${code}; see raw_log`;
        return { ...base, status: 'failed', failure: { code: `${res.codespace ?? 'sdk'} ${code}`, detail: res.raw_log ? ` (${res.raw_log.slice(0, 160)})` : '', hint } };
      }
      return { ...base, status: 'confirmed' };
    },
    async balance(address, signal) {
      const body = (await http.get(`/cosmos/bank/v1beta1/balances/${address}`, { signal, notFoundOn400: true })) as { balances?: Coin[] } | undefined;
      const native = body?.balances?.find((b) => b.denom === baseDenom);
      return { exists: Boolean(body?.balances?.length), balance: native ? formatUnits(BigInt(native.amount), chain.nativeDecimals) : '0', memoFlag: false };
    },
  };
}
