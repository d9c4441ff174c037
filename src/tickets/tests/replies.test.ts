import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { manualClock, newId, type ManualClock } from '../../core/index.ts';
import type { Db, RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import { assertSafeReply, macros, MacroVariableMissingError, renderMacro, replyToTicket, ReplyUnsafeError, replyWithMacro, TicketNotFoundError, unsafeReplyReasons } from '../index.ts';

const hash = `0x${'5e'.repeat(32)}`;

async function insertTicket(db: Db, clock: ManualClock, f: { language: string; requesterName?: string; txHash?: string; chains?: string[]; category?: string }): Promise<string> {
  const id = newId('tkt', clock.nowMs());
  const at = clock.now().toISOString();
  const entities = { txHashes: f.txHash ? [{ value: f.txHash, families: ['evm'], chains: f.chains ?? [] }] : [], addresses: [], tokens: ['USDT'], amounts: [] };
  await db
    .insertInto('tickets')
    .values({
      id, source: 'api', source_id: id, channel: 'email', requester: 'user@example.com', requester_name: f.requesterName ?? null, tier: 'standard', subject: 's', status: 'new', category: f.category ?? 'tx_stuck_pending',
      category_confidence: 0.9, severity: 'high', priority: 'p2', language: f.language, security_flags: '[]', chains: JSON.stringify(f.chains ?? []), entities: JSON.stringify(entities), reasons: '[]', kb: '[]',
      redacted_text: 'text', model_version: 1, created_at: at, received_at: at, updated_at: at,
    })
    .execute();
  return id;
}

test('every built-in macro passes the reply guard in every language', () => {
  const facts = { id: 'tkt_1', language: 'en', requesterName: 'Ana', category: 'swap_or_bridge_failure', chains: ['polygon'], entities: { txHashes: [{ value: hash, families: ['evm'] }], addresses: [], tokens: ['USDT'], amounts: [] } };
  for (const m of macros) {
    for (const language of ['en', 'es', 'pt']) {
      const { text } = renderMacro(m.id, { ...facts, language }, { diagnosis: { findings: [{ code: 'evm.pending.underpriced', userMessage: 'It is waiting because its fee is below what the network asks now.' }] } });
      assert.doesNotThrow(() => assertSafeReply([text], ['polygonscan.com']), `${m.id} ${language}`);
    }
  }
});

test('behavior: the guard refuses scams and secrets, and lets warnings through', () => {
  assert.deepEqual(unsafeReplyReasons('Remember: we will never ask for your seed phrase.', []), []);
  assert.deepEqual(unsafeReplyReasons('Nunca compartas tu frase semilla con nadie.', []), []);
  assert.match(unsafeReplyReasons('Please send us your 12 words so we can check', []).join(), /wallet secret/);
  assert.match(unsafeReplyReasons('Para resolver, valida tu billetera en el enlace', []).join(), /verify, validate, sync or restore/);
  assert.match(unsafeReplyReasons('Sincronize sua carteira agora', []).join(), /verify, validate, sync or restore/);
  // The same rules as status-page updates (one module): "restore" lures were once caught only there.
  for (const lure of ['Please restore your wallet to get the funds back', 'Restaura tu billetera para continuar', 'Restaure sua carteira hoje']) {
    assert.match(unsafeReplyReasons(lure, []).join(), /verify, validate, sync or restore/, lure);
  }
  assert.match(unsafeReplyReasons('see [https://wallet-fix.xyz]', []).join(), /links to wallet-fix.xyz,/);
  assert.match(unsafeReplyReasons('see https://wallet-support-desk.xyz/fix', ['etherscan.io']).join(), /links to wallet-support-desk.xyz/);
  assert.deepEqual(unsafeReplyReasons('see https://etherscan.io/tx/0x1', ['etherscan.io']), []);
  const seed = 'abandon ability able about above absent absorb abstract absurd abuse access accident';
  assert.match(unsafeReplyReasons(`is this yours? ${seed}`, []).join(), /contains a secret \(seed_phrase\)/);
});

for (const engine of engines) {
  describe(`replies on ${engine.name}`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await engine.open());
    });
    after(async () => cleanup());

    test('a macro reply is filled from the ticket and its diagnosis, in the ticket language, and stored with a timeline event', async () => {
      const clock = manualClock('2026-11-27T08:00:00Z');
      const id = await insertTicket(store.db, clock, { language: 'pt', requesterName: 'João Silva', txHash: hash, chains: ['polygon'] });
      const sent = await replyWithMacro(store.db, id, { macro: 'tx-status', diagnosis: { findings: [{ code: 'evm.pending.underpriced', userMessage: 'A taxa ficou abaixo do mínimo da rede.' }] } }, { clock });
      assert.equal(sent.lang, 'pt-BR');
      assert.match(sent.body, /^Olá, João,/);
      assert.ok(sent.body.includes(`https://polygonscan.com/tx/${hash}`), sent.body);
      assert.ok(sent.body.includes('A taxa ficou abaixo do mínimo da rede.'));
      const msgs = await store.db.selectFrom('ticket_messages').selectAll().where('ticket_id', '=', id).execute();
      assert.deepEqual(msgs.map((m) => [m.author_kind, m.body]), [['agent', sent.body]]);
      const events = await store.db.selectFrom('ticket_events').select(['kind', 'detail']).where('ticket_id', '=', id).orderBy('id').execute();
      assert.deepEqual(events.map((e) => e.kind), ['reply_sent', 'status_changed']);
      assert.deepEqual(JSON.parse(events[1]!.detail), { from: 'new', to: 'open' });
      assert.equal(sent.status, 'open');
    });

    test('behavior: an incident update (en, es, pt-BR) reaches the ticket in its own language; pending waits on the user', async () => {
      const clock = manualClock('2026-11-27T09:00:00Z');
      const es = await insertTicket(store.db, clock, { language: 'es' });
      const bodies = { en: 'Swaps on Polygon are delayed.', es: 'Los swaps en Polygon están demorados.', 'pt-BR': 'Os swaps na Polygon estão atrasados.' };
      assert.equal((await replyToTicket(store.db, es, bodies, { clock, source: { kind: 'incident', id: 'inc_1' }, status: 'pending' })).body, bodies.es);
      const row = await store.db.selectFrom('tickets').select('status').where('id', '=', es).executeTakeFirstOrThrow();
      assert.equal(row.status, 'pending');
      const en = await insertTicket(store.db, clock, { language: 'en' });
      assert.equal((await replyToTicket(store.db, en, { 'pt-BR': 'só em português' }, { clock })).body, 'só em português');
    });

    test('error: unsafe replies, missing macro values and unknown tickets store nothing', async () => {
      const clock = manualClock('2026-11-27T10:00:00Z');
      const id = await insertTicket(store.db, clock, { language: 'en' });
      await assert.rejects(replyToTicket(store.db, id, { en: 'To get your funds back, verify your wallet at https://trustwallet-fix.io' }, { clock }), (e: unknown) => e instanceof ReplyUnsafeError && e.metaMessages.some((m) => m.includes('trustwallet-fix.io')));
      await assert.rejects(replyWithMacro(store.db, id, { macro: 'tx-status' }, { clock }), (e: unknown) => e instanceof MacroVariableMissingError && /\{txHash\}/.test(e.message));
      await assert.rejects(replyToTicket(store.db, 'tkt_missing', { en: 'hello' }, { clock }), TicketNotFoundError);
      assert.equal((await store.db.selectFrom('ticket_messages').select('id').where('ticket_id', '=', id).execute()).length, 0);
    });
  });
}
