import { createChainRegistry, explorerUrl, type ChainRegistry } from '../../chains/index.ts';
import type { Category, TriageEntities } from '../ticket.ts';
import { MacroNotFoundError, MacroVariableMissingError } from './errors.ts';
import { greeting, macros, replyLangOf, type Macro, type ReplyLang } from './macros.ts';

/** What a diagnosis contributes to a reply (the shape of `opsdesk tx diagnose --json`, trimmed). */
export interface ReplyDiagnosis {
  chain?: string | undefined;
  hash?: string | undefined;
  findings?: Array<{ code: string; userMessage?: string | undefined }> | undefined;
}

/** The ticket fields a macro may use; only this ticket's own. */
export interface ReplyTicketFacts {
  id: string;
  language: string;
  requesterName: string | null;
  category: string;
  chains: string[];
  entities: TriageEntities;
}

const topics: Record<ReplyLang, Partial<Record<Category, string>>> = {
  en: { tx_stuck_pending: 'pending transactions', tx_failed: 'failed transactions', funds_missing_or_not_shown: 'balances not showing', swap_or_bridge_failure: 'swaps', fees: 'network fees', dapp_connection: 'dApp connections', app_bug_crash_ui: 'the app', card_or_fiat_payment: 'card and fiat payments', staking_or_rewards: 'staking', nft: 'NFTs', hardware_wallet: 'hardware wallets' },
  es: { tx_stuck_pending: 'transacciones pendientes', tx_failed: 'transacciones fallidas', funds_missing_or_not_shown: 'saldos que no se muestran', swap_or_bridge_failure: 'los swaps', fees: 'las comisiones de red', dapp_connection: 'la conexión con dApps', app_bug_crash_ui: 'la app', card_or_fiat_payment: 'pagos con tarjeta', staking_or_rewards: 'el staking', nft: 'los NFT', hardware_wallet: 'las billeteras de hardware' },
  'pt-BR': { tx_stuck_pending: 'transações pendentes', tx_failed: 'transações com falha', funds_missing_or_not_shown: 'saldos que não aparecem', swap_or_bridge_failure: 'os swaps', fees: 'as taxas de rede', dapp_connection: 'a conexão com dApps', app_bug_crash_ui: 'o app', card_or_fiat_payment: 'pagamentos com cartão', staking_or_rewards: 'o staking', nft: 'os NFTs', hardware_wallet: 'as carteiras de hardware' },
};
const onChain: Record<ReplyLang, string> = { en: 'on', es: 'en', 'pt-BR': 'na rede' };

let builtins: ChainRegistry | undefined;

/** The variables a macro can use, from the ticket (and its diagnosis): greeting, requesterName, ticketId, txHash, chain, chainName, explorerUrl, address, token, appVersion, topic, findingMessage. */
export function replyVariables(ticket: ReplyTicketFacts, diagnosis?: ReplyDiagnosis, registry?: ChainRegistry): Record<string, string> {
  const reg = registry ?? (builtins ??= createChainRegistry());
  const lang = replyLangOf(ticket.language);
  const vars: Record<string, string> = { greeting: greeting(lang, ticket.requesterName), ticketId: ticket.id };
  if (ticket.requesterName?.trim() && !ticket.requesterName.includes('[')) vars.requesterName = ticket.requesterName.trim();
  const txHash = diagnosis?.hash ?? ticket.entities.txHashes[0]?.value;
  const address = ticket.entities.addresses[0]?.value;
  const slug = diagnosis?.chain ?? ticket.entities.txHashes[0]?.chains?.[0] ?? ticket.chains[0];
  const chain = slug ? reg.find(slug) : undefined;
  if (txHash) vars.txHash = txHash;
  if (address) vars.address = address;
  if (slug) vars.chain = slug;
  if (chain || slug) vars.chainName = chain?.name ?? slug!;
  const link = chain && (txHash ? explorerUrl(chain, 'tx', txHash) : address ? explorerUrl(chain, 'address', address) : undefined);
  if (link) vars.explorerUrl = link;
  if (ticket.entities.tokens[0]) vars.token = ticket.entities.tokens[0];
  if (ticket.entities.appVersion) vars.appVersion = ticket.entities.appVersion;
  const topic = topics[lang][ticket.category as Category];
  if (topic) vars.topic = vars.chainName ? `${topic} ${onChain[lang]} ${vars.chainName}` : topic;
  const finding = diagnosis?.findings?.find((f) => f.userMessage?.trim());
  if (finding?.userMessage) vars.findingMessage = finding.userMessage.trim();
  return vars;
}

/** Finds a macro by id. */
export function getMacro(id: string): Macro {
  const m = macros.find((x) => x.id === id);
  if (!m) throw new MacroNotFoundError(id, macros.map((x) => x.id));
  return m;
}

/** Fills a macro in the ticket's language; every `{variable}` must have a value (given ones win over the ticket's). */
export function renderMacro(id: string, ticket: ReplyTicketFacts, options: { diagnosis?: ReplyDiagnosis; variables?: Record<string, string>; registry?: ChainRegistry } = {}): { lang: ReplyLang; text: string } {
  const macro = getMacro(id);
  const lang = replyLangOf(ticket.language);
  const vars = { ...replyVariables(ticket, options.diagnosis, options.registry), ...options.variables };
  const missing = new Set<string>();
  const text = macro.bodies[lang].replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined || v === '') {
      missing.add(name);
      return whole;
    }
    return v;
  });
  if (missing.size) throw new MacroVariableMissingError(id, [...missing]);
  return { lang, text };
}
