import { diagnoseTransaction, type ChainService, type TxDiagnosis } from '../chains/index.ts';

/** Provider network names that are not registry aliases. */
const networkAliases: Readonly<Record<string, string>> = { binance_smart_chain: 'bsc', bnb_smart_chain: 'bsc', bsc_mainnet: 'bsc', trc20: 'tron', erc20: 'ethereum', mainnet: 'ethereum', matic: 'polygon', sol: 'solana', btc: 'bitcoin' };

/** Checks an on-ramp delivery transaction with the chain adapters: on the order's network when known, else wherever the hash fits. */
export type TransferChecker = (input: { hash: string; network?: string; expectedRecipient?: string; locale?: string }) => Promise<TxDiagnosis>;

/** The transfer checker backed by the chain service (the one `main.ts` builds from config `chains`). */
export function chainTransferChecker(service: ChainService): TransferChecker {
  return async ({ hash, network, expectedRecipient, locale }) => {
    const key = network?.trim().toLowerCase();
    const chain = key ? (service.registry.find(networkAliases[key] ?? key) ?? service.registry.findByAlias(networkAliases[key] ?? key)[0]) : undefined;
    if (chain && service.factories[chain.family] && chain.rpcUrls.length) {
      return service.adapterFor(chain).diagnoseTx(hash, { ...(expectedRecipient ? { expectedRecipient } : {}), ...(locale ? { locale } : {}) });
    }
    return diagnoseTransaction(service, { hash, ...(locale ? { locale } : {}) });
  };
}
