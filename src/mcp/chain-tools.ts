import { z } from 'zod';
import { adapterFactories, diagnoseTransaction, inspectAddress, inspectAddressOffline, type ChainFamily, type ChainService } from '../chains/index.ts';
import type { KbService } from '../kb/index.ts';
import type { ToolSpec } from './tools.ts';

const chainSlug = z.string().regex(/^[a-z0-9-]+$/).max(40);
const locale = z.string().min(2).max(10);
const timeoutMs = 25_000;

/**
 * diagnose_transaction, inspect_address (live, through the configured RPC endpoints only: MCP
 * callers cannot pass their own URL) and validate_address (offline, no network).
 */
export function chainTools(chains: ChainService, kb: () => Promise<KbService>): ToolSpec[] {
  const diagnose: ToolSpec<{ hash: z.ZodString; chain: z.ZodOptional<z.ZodString>; locale: z.ZodOptional<z.ZodString> }> = {
    name: 'diagnose_transaction',
    title: 'Diagnose a transaction',
    description:
      'Looks a transaction up on the chain (or on every configured chain whose hash format fits) and explains it: status (pending, confirmed, failed, dropped, replaced, not_found) and findings with codes, a plain user message and next steps, plus the knowledge-base articles for those findings.',
    input: {
      hash: z.string().min(10).max(200).describe('Transaction hash or signature (0x… for EVM, txid for Bitcoin, base58 signature for Solana, TRON txid).'),
      chain: chainSlug.optional().describe('Chain slug, e.g. "bsc"; omit to search every configured chain.'),
      locale: locale.optional().describe('Language of the user messages (en, es, pt-BR).'),
    },
    async run(args) {
      const diagnosis = await diagnoseTransaction(chains, { hash: args.hash, ...(args.chain ? { chain: args.chain } : {}), ...(args.locale ? { locale: args.locale } : {}), signal: AbortSignal.timeout(timeoutMs) });
      const codes = diagnosis.findings.map((f) => f.code);
      const articles = codes.length ? (await kb()).search('', { findingCodes: codes, chains: [diagnosis.chain], limit: 3, ...(args.locale ? { locale: args.locale } : {}) }) : [];
      return { ...diagnosis, kb: articles.map((a) => ({ slug: a.slug, title: a.title, score: a.score })) };
    },
  };
  const inspect: ToolSpec<{ address: z.ZodString; chain: z.ZodOptional<z.ZodString>; locale: z.ZodOptional<z.ZodString> }> = {
    name: 'inspect_address',
    title: 'Inspect an address',
    description: 'Live facts about an address on one chain or on every chain whose format fits: balance, activity, whether it is a contract, memo requirements and findings.',
    input: {
      address: z.string().min(10).max(200).describe('A public address (never a private key).'),
      chain: chainSlug.optional().describe('Chain slug; omit to ask every chain whose address format fits.'),
      locale: locale.optional(),
    },
    async run(args) {
      return inspectAddress(chains, { address: args.address, ...(args.chain ? { chain: args.chain } : {}), ...(args.locale ? { locale: args.locale } : {}), signal: AbortSignal.timeout(timeoutMs) });
    },
  };
  const validate: ToolSpec<{ address: z.ZodString; locale: z.ZodOptional<z.ZodString> }> = {
    name: 'validate_address',
    title: 'Validate an address (offline)',
    description: 'Checks an address against the address formats of every coin type the wallet supports, without any network call: valid or not, which chains it can belong to, and findings such as a checksum error.',
    input: {
      address: z.string().min(1).max(200).describe('The address to check.'),
      locale: locale.optional(),
    },
    async run(args) {
      return inspectAddressOffline(args.address, { registry: chains.registry, liveFamilies: Object.keys(adapterFactories) as ChainFamily[], ...(args.locale ? { locale: args.locale } : {}) });
    },
  };
  return [diagnose, inspect, validate] as unknown as ToolSpec[];
}
