import { inspectAddressOffline, type OfflineAddressReport } from './address-only/index.ts';
import { fits, type ChainService } from './adapters.ts';
import { checkRpcUrl, forEachChain } from './diagnose-internal.ts';
import { AddressInvalidError, ChainUnsupportedError } from './errors.ts';
import type { AddressReport } from './port.ts';
import type { ChainInfo } from './registry/chain.ts';

export interface InspectAddressInput {
  address: string;
  chain?: string;
  rpc?: string;
  locale?: string;
  signal?: AbortSignal;
}

export interface AddressInspection {
  address: string;
  reports: AddressReport[];
  /** Chains that could not be asked (per-item results: the others still answer). */
  errors: Array<{ chain: string; code: string; message: string }>;
  /** For addresses of chains OpsDesk has no adapter for: which coin types it is valid for, with explorer links. */
  offline?: OfflineAddressReport;
}

/** Inspects an address on one chain (--chain / --rpc) or on every configured chain whose address format fits. */
export async function inspectAddress(service: ChainService, input: InspectAddressInput): Promise<AddressInspection> {
  const address = input.address.trim();
  const families = Object.values(service.factories).filter((f) => fits(f, 'address', address));
  if (!families.length) {
    if (input.chain !== undefined || input.rpc !== undefined) throw new AddressInvalidError(address, input.chain ?? 'that endpoint');
    const offline = await inspectAddressOffline(address, { registry: service.registry, liveFamilies: Object.keys(service.factories) as never, ...(input.locale ? { locale: input.locale } : {}) });
    if (!offline.valid) throw new AddressInvalidError(address, 'any chain OpsDesk or wallet-core knows');
    return { address, reports: [], errors: [], offline };
  }
  let chains: ChainInfo[];
  if (input.rpc !== undefined) {
    checkRpcUrl(input.rpc);
    chains = [input.chain ? { ...service.registry.get(input.chain), rpcUrls: [input.rpc] } : await families[0]!.identify(input.rpc, service.adapterOptions, service.registry, input.signal)];
  } else if (input.chain) {
    const chain = service.registry.get(input.chain);
    if (!chain.rpcUrls.length) throw new ChainUnsupportedError(chain.slug, 'no RPC URL is configured');
    chains = [chain];
  } else {
    chains = service.searchable().filter((c) => fits(service.factories[c.family], 'address', address));
  }
  for (const c of chains) if (!fits(service.factories[c.family], 'address', address)) throw new AddressInvalidError(address, c.name);
  const reports: AddressReport[] = [];
  const errors: AddressInspection['errors'] = [];
  const failures: unknown[] = [];
  await forEachChain(service, chains, input.signal, async (chain, signal) => {
    try {
      reports.push(await service.adapterFor(chain).inspectAddress(address, { ...(input.locale ? { locale: input.locale } : {}), signal }));
    } catch (error) {
      failures.push(error);
      errors.push({ chain: chain.slug, code: (error as { code?: string }).code ?? 'INTERNAL', message: (error as { shortMessage?: string }).shortMessage ?? (error as Error).message });
    }
  });
  if (!reports.length && failures.length) throw failures[0];
  const order = new Map(chains.map((c, i) => [c.slug, i]));
  reports.sort((a, b) => (order.get(a.chain) ?? 0) - (order.get(b.chain) ?? 0));
  return { address, reports, errors };
}
