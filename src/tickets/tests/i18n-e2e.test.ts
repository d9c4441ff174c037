// The end-to-end path in Spanish and Portuguese: a ticket about a stuck USDT transfer on Tron,
// through the HTTP API, to a diagnosis from the Tron adapter (recorded responses served on 127.0.0.1),
// a KB article and a reply draft, all in the user's language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestApp, type TestApp } from '../../../test/http.ts';
import { fixture, startReplayServer, type ReplayServer } from '../../../test/replay-server.ts';
import { detectLanguage, draftReply, type Locale } from '../../i18n/index.ts';

// The real OUT_OF_ENERGY USDT transfer of test/fixtures/chains (receipt recorded); its
// /wallet/gettransactionbyid body is built from the TRON HTTP API shape, as in src/chains/tron/adapter.test.ts.
const HASH = 'e63a324a43aebfe41273db4f7fdfe325b2257b4f5711595a5fc0f8a75cf1b481';
const word = (hex: string) => hex.padStart(64, '0');
const transaction = {
  ret: [{ contractRet: 'OUT_OF_ENERGY' }],
  signature: ['00'.repeat(65)],
  txID: HASH,
  raw_data: {
    contract: [{ parameter: { value: { data: `a9059cbb${word('52908400098527886e0f7030069857d2e4169ee7')}${word((250_000_000).toString(16))}`, owner_address: '411111111111111111111111111111111111111111', contract_address: '41a614f803b6fd780986a42c78ec9c7f77e6ded13c' }, type_url: 'type.googleapis.com/protocol.TriggerSmartContract' }, type: 'TriggerSmartContract' }],
    ref_block_bytes: '3b2a',
    ref_block_hash: 'f1a0c4e51a3b2c1d',
    expiration: 1731229660000,
    fee_limit: 100_000_000,
    timestamp: 1731229600000,
  },
};

let server: ReplayServer;
let app: TestApp;
let auth: Record<string, string>;

before(async () => {
  server = await startReplayServer([
    { method: 'POST', path: '/wallet/gettransactionbyid', body: transaction },
    { method: 'POST', path: '/wallet/gettransactioninfobyid', body: fixture('tron-mainnet-gettransactioninfobyid-out-of-energy.json') },
  ]);
  app = await openTestApp({ config: { chains: { rpc: { tron: [server.url] }, retries: 0, timeoutMs: 3000 } } });
  auth = { authorization: `Bearer ${await app.tokenFor('agent')}`, 'content-type': 'application/json' };
});

after(async () => {
  await app?.close();
  await server?.close();
});

const json = async <T>(res: Response, status = 200): Promise<T> => {
  assert.equal(res.status, status, await res.clone().text());
  return (await res.json()) as T;
};

interface Created {
  ticketId: string;
  triage: { language: string; languageConfidence: number; category: string; entities: { txHashes: Array<{ value: string; families: string[] }>; tokens: string[]; amounts: Array<{ value: string; symbol?: string }> }; kb: Array<{ slug: string }>; acknowledgement: string };
}
interface Diagnosis {
  chain: string;
  status: string;
  findings: Array<{ code: string; userMessage: string; nextSteps: string[] }>;
}

const cases: Array<{ locale: Locale; language: string; body: string; name: string; diagnosis: RegExp; ack: RegExp; kbReply: RegExp; greeting: string }> = [
  {
    locale: 'es',
    language: 'es',
    name: 'Lucía Pérez',
    body: `Hola, envié 250 USDT por la red TRC20 hace 3 horas y no llegan, el hash es ${HASH}. ¿Qué pasó?`,
    diagnosis: /La transacción se quedó sin energía .* La comisión de 16\.50012 TRX igualmente se cobró\./,
    ack: /^Gracias por escribirnos/,
    kbReply: /En TRON, enviar USDT u otro token TRC20 usa \*\*Energía/,
    greeting: 'Hola, Lucía:',
  },
  {
    locale: 'pt-BR',
    language: 'pt',
    name: 'João Silva',
    body: `Olá, enviei 250 USDT pela rede TRC20 há 3 horas e não chegaram, o hash é ${HASH}. O que aconteceu?`,
    diagnosis: /A transação ficou sem energia .* A taxa de 16\.50012 TRX foi cobrada mesmo assim\./,
    ack: /^Obrigado pelo contato/,
    kbReply: /Na TRON, enviar USDT ou outro token TRC20 usa \*\*Energia/,
    greeting: 'Olá, João,',
  },
];

for (const c of cases) {
  test(`${c.locale}: a stuck USDT transfer on Tron gets the language, category, entities, a diagnosis, a KB article and a reply draft in ${c.locale}`, async () => {
    const created = await json<Created>(await app.request('/api/tickets', { method: 'POST', headers: auth, body: JSON.stringify({ externalId: `i18n-${c.locale}`, requesterName: c.name, body: c.body }) }), 201);
    const tr = created.triage;
    assert.equal(tr.language, c.language);
    assert.ok(tr.languageConfidence > 0.9, String(tr.languageConfidence));
    assert.equal(tr.category, 'funds_missing_or_not_shown');
    assert.match(tr.acknowledgement, c.ack);
    const hash = tr.entities.txHashes[0]!;
    assert.equal(hash.value, HASH);
    assert.ok(hash.families.includes('tron'), hash.families.join(','));
    assert.deepEqual(tr.entities.tokens, ['USDT']);
    assert.deepEqual(tr.entities.amounts, [{ value: '250', symbol: 'USDT' }]);
    assert.ok(tr.kb.some((k) => k.slug === 'tx-confirmed-not-received'), tr.kb.map((k) => k.slug).join(','));

    const ticket = await json<{ language: string; languageConfidence: number; entities: Created['triage']['entities'] }>(await app.request(`/api/tickets/${created.ticketId}`, { headers: auth }));
    assert.equal(ticket.language, c.language);
    const stored = await app.runtime.store.db.selectFrom('ticket_messages').select(['language', 'language_confidence']).where('ticket_id', '=', created.ticketId).execute();
    assert.deepEqual(stored.map((m) => m.language), [c.language], 'each message keeps its own detected language');
    assert.ok(Number(stored[0]!.language_confidence) > 0.9);
    assert.equal(ticket.languageConfidence, tr.languageConfidence);

    // The agent diagnoses the hash on the Tron candidate, in the ticket's language.
    const d = await json<Diagnosis>(await app.request('/api/diagnose/tx', { method: 'POST', headers: auth, body: JSON.stringify({ hash: hash.value, chain: 'tron', locale: ticket.language }) }));
    assert.deepEqual([d.chain, d.status, ...d.findings.map((f) => f.code)], ['tron', 'failed', 'tron.failed.out_of_energy', 'tron.fee.resources_burned']);
    assert.match(d.findings[0]!.userMessage, c.diagnosis);
    assert.equal(detectLanguage(d.findings.map((f) => f.userMessage).join(' ')).locale, c.locale);
    assert.ok(server.requests.some((r) => r.path === '/wallet/gettransactioninfobyid'));

    // The finding codes lead to the KB article, which has a reply in the user's language.
    const codes = d.findings.map((f) => f.code).join(',');
    const search = await json<{ items: Array<{ slug: string }> }>(await app.request(`/api/kb/search?q=${encodeURIComponent(c.body.slice(0, 200))}&codes=${codes}&chains=tron&locale=${c.locale}&limit=3`, { headers: auth }));
    assert.equal(search.items[0]?.slug, 'tron-energy-bandwidth');
    const article = await json<{ slug: string; replies: Partial<Record<Locale, string>> }>(await app.request('/api/kb/articles/tron-energy-bandwidth', { headers: auth }));

    const draft = draftReply({ locale: ticket.language, requesterName: c.name, diagnosis: { txHash: hash.value, chainName: 'Tron', findings: d.findings }, article });
    assert.equal(draft.locale, c.locale);
    assert.deepEqual(draft.fallbacks, []);
    assert.ok(draft.text.startsWith(`${c.greeting}\n\n`), draft.text.slice(0, 40));
    assert.match(draft.text, c.diagnosis);
    assert.match(draft.text, c.kbReply);
    assert.ok(draft.text.includes(HASH));
    const lang = detectLanguage(draft.text);
    assert.equal(lang.locale, c.locale);
    assert.ok(lang.confidence > 0.99);
  });
}

test('error: a ticket in an unsupported language is tagged English with low confidence, and its draft is in English', async () => {
  const created = await json<Created>(await app.request('/api/tickets', { method: 'POST', headers: auth, body: JSON.stringify({ externalId: 'i18n-de', body: `Ich habe 250 USDT über TRC20 gesendet ${HASH}` }) }), 201);
  assert.equal(created.triage.language, 'en');
  assert.ok(created.triage.languageConfidence < 0.6, String(created.triage.languageConfidence));
  assert.match(draftReply({ locale: created.triage.language }).text, /^Hi,\n\n/);
});
