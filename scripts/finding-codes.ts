// Renders the generated sections of docs/finding-codes.md from the findings catalogues.
import { btcFindings, evmFindings, memoFindings, offlineFindings, solFindings, tronFindings, type FindingCatalog } from '../src/chains/index.ts';
import { cardFindings, onrampFindings } from '../src/payments/index.ts';

/** Catalogues rendered into the doc; a family adds one line here to get its generated section. */
export const generatedSections: ReadonlyArray<{ id: string; title: string; intro: string; catalog: FindingCatalog }> = [
  {
    id: 'evm',
    title: 'EVM (`evm.*`)',
    intro: 'Ethereum and every EVM chain (BNB Smart Chain, Polygon, Arbitrum, OP, Base, Avalanche C-Chain, custom chains…). Produced by `opsdesk tx diagnose`, `POST /api/diagnose/tx` and, for approvals, `opsdesk address inspect`.',
    catalog: evmFindings,
  },
  {
    id: 'btc',
    title: 'Bitcoin family (`btc.*`)',
    intro: 'Bitcoin, Litecoin, Dogecoin (and Bitcoin Cash addresses in legacy form), read through an Esplora REST API (mempool.space / Blockstream shape, with the mempool.space `/v1/fees`, `/v1/tx/:txid/rbf`, `/v1/cpfp` extensions) or Bitcoin Core JSON-RPC (an endpoint URL ending in `#core-rpc` or carrying user:password). `--raw HEX` is decoded with bitcoinjs-lib; `expectedRecipient` checks the outputs.',
    catalog: btcFindings,
  },
  {
    id: 'sol',
    title: 'Solana (`sol.*`)',
    intro: 'Solana JSON-RPC: getSignatureStatuses (with history), getTransaction (jsonParsed, maxSupportedTransactionVersion 0), isBlockhashValid and getRecentPrioritizationFees for a `--raw` base64 transaction. Custom errors are decoded against the innermost failing program named in the logs (System, SPL Token, Token-2022, Associated Token Account, Jupiter v6, Raydium AMM v4, Anchor framework codes).',
    catalog: solFindings,
  },
  {
    id: 'tron',
    title: 'Tron (`tron.*`)',
    intro: 'Tron full-node HTTP API: /wallet/gettransactionbyid, /wallet/gettransactioninfobyid, /wallet/getaccount, /wallet/getaccountresource. Every failure on chain still costs the energy/bandwidth burned as TRX.',
    catalog: tronFindings,
  },
  {
    id: 'memo',
    title: 'Memo and tag chains (`memo.*`)',
    intro: 'XRP Ledger (destination tag; rippled JSON-RPC `tx`, `account_info` RequireDest flag), Stellar (memo; Horizon `/transactions/{hash}`, SEP-29 `config.memo_required`), Cosmos SDK chains (`body.memo`; LCD `/cosmos/tx/v1beta1/txs/{hash}`) and TON (text comment; toncenter v3). Deposit addresses that need a memo come from `chains.memoRequired` plus the short built-in list in `src/chains/memo/deposits.ts`, each with its source.',
    catalog: memoFindings,
  },
  {
    id: 'offline',
    title: 'Offline address check (`offline.*`)',
    intro: 'For coin types @trustwallet/wallet-core knows and OpsDesk has no live adapter for: `inspectAddressOffline(address)` validates the address against every coin type, names the chain(s) and links an explorer.',
    catalog: offlineFindings,
  },
  {
    id: 'card',
    title: 'Card payments (`card.*`)',
    intro: 'From card processor webhooks (`POST /api/payments/webhooks/<provider>` signed with HMAC, or `POST /api/payments/events/<provider>` with an API token) and `opsdesk payment explain`. Providers: `generic` (the documented event shape in `src/payments/event.ts`: kind, provider, eventId, type authorization|decline|reversal|settlement|refund|refund_settlement, authorizationId, occurredAt, amount {value, currency}, merchantAmount, merchant, responseCode (ISO 8583 field 39), declineReason, threeDs), `marqeta` (Core API transaction webhooks) and `stripe-issuing` (issuing_authorization / issuing_transaction events). Declines map ISO 8583 codes 00, 01, 03, 04, 05, 12, 13, 14, 41, 43, 51, 54, 55, 57, 58, 59, 61, 62, 63, 65, 75, 78, 91, 96, N7 and 1A; processor reasons without a code are mapped by name (insufficient_funds → 51, …). Evidence carries `iso8583: {code, meaning}`.',
    catalog: cardFindings,
  },
  {
    id: 'onramp',
    title: 'On-ramp orders (`onramp.*`)',
    intro: 'Buying crypto with a card through a provider: `moonpay`, `ramp` and `transak` (decoded JWT payload) webhook shapes, or `generic` on-ramp events. Order states are normalised (payment_pending, kyc_required, payment_failed, paid, crypto_sending, completed, failed, refunded, expired, cancelled). "Paid but crypto not received": when the provider gives a delivery hash, the chain adapter of the order network checks it and the order wallet.',
    catalog: onrampFindings,
  },
];

const header = `# Finding codes

What \`opsdesk tx diagnose\` (and \`POST /api/diagnose/tx\`, \`opsdesk address inspect\`) can report: each code with
when it is produced, the technical summary for the agent, the message for the user and the next steps, in
English, Spanish (\`es\`) and Brazilian Portuguese (\`pt-BR\`). Codes keep their meaning once published
(CONTRACTS.md §3). \`{name}\` marks a value filled from the transaction. Generated sections are rewritten by
\`npx tsx scripts/gen-finding-codes.ts\`; edit the catalogue in \`src/chains/findings/\`, not the text here.
`;

const begin = (id: string) => `<!-- finding-codes:${id}:begin (generated by scripts/gen-finding-codes.ts) -->`;
const end = (id: string) => `<!-- finding-codes:${id}:end -->`;

/** One catalogue as Markdown. */
export function renderCatalog(catalog: FindingCatalog): string {
  const out: string[] = [];
  for (const [code, t] of Object.entries(catalog)) {
    out.push(`### \`${code}\``, '', `Severity **${t.severity}**. ${t.when}`, '', `Summary: \`${t.summary}\``, '');
    for (const locale of ['en', 'es', 'pt-BR'] as const) {
      const message = t.userMessage[locale];
      const steps = t.nextSteps[locale];
      if (!message && !steps) continue;
      out.push(`- **${locale}**: ${message ?? t.userMessage.en}`);
      for (const s of steps ?? t.nextSteps.en) out.push(`  - ${s}`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

/** The doc with every generated section replaced (or appended), keeping hand-written sections as they are. */
export function renderFindingCodesDoc(current: string | undefined): string {
  let doc = current ?? header;
  for (const s of generatedSections) {
    const block = `${begin(s.id)}\n## ${s.title}\n\n${s.intro}\n\n${renderCatalog(s.catalog)}\n${end(s.id)}`;
    const from = doc.indexOf(begin(s.id));
    const to = doc.indexOf(end(s.id));
    doc = from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + end(s.id).length) : `${doc.trimEnd()}\n\n${block}\n`;
  }
  return doc;
}
