import { ValidationError } from '../core/index.ts';
import type { ChainService } from './adapters.ts';
import type { ChainInfo } from './registry/chain.ts';

/** Checks a caller-supplied endpoint before anything is sent to it. */
export function checkRpcUrl(url: string): void {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new ValidationError('--rpc must be an http(s) URL.');
}

/**
 * Runs `fn` for each chain, at most `searchConcurrency` at once, each within the per-chain time budget
 * (and the caller's signal). `stop` ends the remaining work early.
 */
export async function forEachChain(
  service: ChainService,
  chains: readonly ChainInfo[],
  signal: AbortSignal | undefined,
  fn: (chain: ChainInfo, signal: AbortSignal) => Promise<void>,
  stop?: AbortSignal,
): Promise<void> {
  const queue = [...chains];
  const worker = async () => {
    for (let chain = queue.shift(); chain && !stop?.aborted; chain = queue.shift()) {
      await fn(chain, AbortSignal.any([AbortSignal.timeout(service.settings.searchTimeoutMs), ...(signal ? [signal] : []), ...(stop ? [stop] : [])]));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(service.settings.searchConcurrency, chains.length)) }, worker));
  if (signal?.aborted) throw signal.reason;
}
