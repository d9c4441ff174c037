import { initWasm, type WalletCore } from '@trustwallet/wallet-core';
import { makeFinding } from '../findings/catalog.ts';
import { offlineFindings } from '../findings/address-only.ts';
import type { Finding } from '../port.ts';
import type { ChainFamily } from '../registry/chain.ts';
import { explorerUrl, type ChainRegistry } from '../registry/registry.ts';
import { offlineExplorers } from './explorers.ts';

export interface OfflineCandidate {
  /** wallet-core CoinType name, e.g. "cardano". */
  coin: string;
  /** SLIP-44 coin id. */
  slip44: number;
  /** The registry chain using this coin type, when there is one. */
  chain?: string;
  /** True when OpsDesk has a live adapter for that chain (use `address inspect --chain`). */
  liveAdapter: boolean;
  explorerUrl?: string;
}

export interface OfflineAddressReport {
  address: string;
  valid: boolean;
  candidates: OfflineCandidate[];
  findings: Finding[];
  checkedAt: string;
}

export interface OfflineInspectOptions {
  registry?: ChainRegistry;
  /** Families with a live adapter (e.g. `Object.keys(adapterFactories)`); their coins are marked liveAdapter. */
  liveFamilies?: readonly ChainFamily[];
  locale?: string;
}

let core: Promise<WalletCore> | undefined;

/** Coins whose validators throw (abort) on foreign input in this wallet-core build: only tried when the shape fits. */
const guarded: Readonly<Record<string, RegExp>> = { cardano: /^(addr1|Ae2|DdzFF)/, zcash: /^(t1|t3|zs)/, zelcash: /^(t1|t3|za)/ };

/** Validates an address against every coin type @trustwallet/wallet-core knows, offline, naming the chains it could belong to with explorer links. */
export async function inspectAddressOffline(address: string, options: OfflineInspectOptions = {}): Promise<OfflineAddressReport> {
  const wc = await (core ??= initWasm());
  const value = address.trim();
  const coins = Object.entries(wc.CoinType).filter((e): e is [string, { value: number }] => typeof e[1] === 'object' && e[1] !== null && 'value' in e[1]);
  const byCoin = new Map((options.registry?.list() ?? []).filter((c) => c.walletCoreCoin).map((c) => [c.walletCoreCoin!, c]));
  const live = new Set(options.liveFamilies ?? []);
  const candidates: OfflineCandidate[] = [];
  for (const [name, coin] of coins) {
    const guard = guarded[name];
    if (guard && !guard.test(value)) continue;
    let ok = false;
    try {
      ok = wc.AnyAddress.isValid(value, coin as never);
    } catch {
      ok = false;
    }
    if (!ok) continue;
    const chain = byCoin.get(name);
    const url = chain ? explorerUrl(chain, 'address', value) : offlineExplorers[name]?.replace('{address}', encodeURIComponent(value));
    candidates.push({ coin: name, slip44: coin.value, ...(chain ? { chain: chain.slug } : {}), liveAdapter: Boolean(chain && live.has(chain.family)), ...(url ? { explorerUrl: url } : {}) });
  }
  const locale = options.locale ?? 'en';
  const offline = candidates.filter((c) => !c.liveAdapter);
  const findings = candidates.length
    ? [makeFinding(offlineFindings, 'offline.address.matches', { count: candidates.length, coins: (offline.length ? offline : candidates).map((c) => c.chain ?? c.coin).join(', ') }, { candidates }, locale)]
    : [makeFinding(offlineFindings, 'offline.address.no_match', { address: value.slice(0, 100), known: coins.length }, { knownCoinTypes: coins.length }, locale)];
  return { address: value, valid: candidates.length > 0, candidates, findings, checkedAt: new Date().toISOString() };
}
