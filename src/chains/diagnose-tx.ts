import { fits, type ChainService } from './adapters.ts';
import { checkRpcUrl, forEachChain } from './diagnose-internal.ts';
import { ChainUnsupportedError, TxHashInvalidError } from './errors.ts';
import type { DiagnoseOptions, TxDiagnosis } from './port.ts';
import type { ChainInfo } from './registry/chain.ts';

export interface DiagnoseTxInput {
  hash: string;
  /** Chain slug; without it (and without rpc) every configured chain whose hash format fits is searched. */
  chain?: string;
  /** An endpoint to use instead of the configured ones; the chain is identified from it. */
  rpc?: string;
  /** Signed raw transaction, to explain dropped and replaced transactions. */
  raw?: string;
  locale?: string;
  submittedAt?: string;
  /** The address the user meant to pay; adapters that can check outputs say whether it was paid. */
  expectedRecipient?: string;
  signal?: AbortSignal;
}

interface SearchOutcome {
  hit: TxDiagnosis | undefined;
  misses: TxDiagnosis[];
  errors: Array<{ chain: string; error: unknown }>;
}

/** Diagnoses a transaction on the asked chain, on the chain behind an RPC URL, or wherever it is found. */
export async function diagnoseTransaction(service: ChainService, input: DiagnoseTxInput): Promise<TxDiagnosis> {
  const hash = input.hash.trim();
  const fitting = Object.values(service.factories).filter((f) => fits(f, 'hash', hash));
  if (!fitting.length) throw new TxHashInvalidError(hash, 'any supported chain');
  const options: DiagnoseOptions = {
    ...(input.raw ? { raw: input.raw } : {}),
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.submittedAt ? { submittedAt: input.submittedAt } : {}),
    ...(input.expectedRecipient ? { expectedRecipient: input.expectedRecipient.trim() } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  };
  const target = await resolveTarget(service, input, hash);
  if (!target) {
    const candidates = service.searchable().filter((c) => fits(service.factories[c.family], 'hash', hash));
    const outcome = await searchChains(service, candidates, hash, options);
    const searchedChains = candidates.map((c) => c.slug);
    if (outcome.hit) return { ...outcome.hit, searchedChains };
    const miss = outcome.misses[0];
    if (!miss) throw outcome.errors[0]?.error ?? new ChainUnsupportedError('(none)', 'no chain with RPC URLs accepts this hash');
    return {
      chain: 'unknown',
      hash,
      status: 'not_found',
      findings: miss.findings.map((f) => ({ ...f, evidence: { ...f.evidence, searchedChains, unreachableChains: outcome.errors.map((e) => e.chain) } })),
      searchedChains,
      checkedAt: new Date().toISOString(),
    };
  }
  const adapter = service.adapterFor(target);
  if (!fits(service.factories[target.family], 'hash', hash)) throw new TxHashInvalidError(hash, target.name);
  const diagnosis = await adapter.diagnoseTx(hash, options);
  if (diagnosis.status !== 'not_found') return diagnosis;
  const siblings = service.searchable().filter((c) => c.family === target.family && c.slug !== target.slug && (c.chainId === undefined || c.chainId !== target.chainId));
  const searchedChains = [target.slug, ...siblings.map((c) => c.slug)];
  if (!siblings.length) return diagnosis;
  const { raw: _raw, ...withoutRaw } = options;
  const outcome = await searchChains(service, siblings, hash, withoutRaw);
  if (!outcome.hit) return { ...diagnosis, searchedChains };
  const where = outcome.hit;
  return {
    ...diagnosis,
    searchedChains,
    foundOn: { chain: where.chain, ...(where.chainId !== undefined ? { chainId: where.chainId } : {}), status: where.status },
    findings: [adapter.describeFoundElsewhere(hash, where, input.locale), ...where.findings],
  };
}

async function resolveTarget(service: ChainService, input: DiagnoseTxInput, hash: string): Promise<ChainInfo | undefined> {
  if (input.rpc !== undefined) {
    checkRpcUrl(input.rpc);
    if (input.chain) return { ...service.registry.get(input.chain), rpcUrls: [input.rpc] };
    let last: unknown;
    for (const factory of Object.values(service.factories).filter((f) => fits(f, 'hash', hash))) {
      try {
        return await factory.identify(input.rpc, service.adapterOptions, service.registry, input.signal);
      } catch (err) {
        last = err;
      }
    }
    throw last;
  }
  if (!input.chain) return undefined;
  const chain = service.registry.get(input.chain);
  if (!service.factories[chain.family]) throw new ChainUnsupportedError(chain.slug, `no adapter for the ${chain.family} family yet`);
  if (!chain.rpcUrls.length) throw new ChainUnsupportedError(chain.slug, 'no RPC URL is configured');
  return chain;
}

/** Asks the chains in parallel (bounded), each within its time budget; stops early once a mined answer is in. */
export async function searchChains(service: ChainService, chains: readonly ChainInfo[], hash: string, options: DiagnoseOptions): Promise<SearchOutcome> {
  const outcome: SearchOutcome = { hit: undefined, misses: [], errors: [] };
  const stop = new AbortController();
  const rank = (d: TxDiagnosis) => (d.status === 'confirmed' || d.status === 'failed' ? 3 : d.status === 'pending' ? 2 : 1);
  await forEachChain(
    service,
    chains,
    options.signal,
    async (chain, signal) => {
      try {
        const d = await service.adapterFor(chain).diagnoseTx(hash, { ...options, signal });
        if (d.status === 'not_found') outcome.misses.push(d);
        else if (!outcome.hit || rank(d) > rank(outcome.hit)) outcome.hit = d;
        if (outcome.hit && rank(outcome.hit) === 3) stop.abort();
      } catch (error) {
        if (!stop.signal.aborted) outcome.errors.push({ chain: chain.slug, error });
      }
    },
    stop.signal,
  );
  return outcome;
}
