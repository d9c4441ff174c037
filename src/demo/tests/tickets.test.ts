import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadConfig, manualClock, silentLogger } from '../../core/index.ts';
import { openRuntime, type Runtime } from '../../main.ts';
import { tempDir } from '../../../test/tmp.ts';
import type { ScenarioTx } from '../scenarios/scenario.ts';
import { seedBacklogTickets, startIncidentTickets } from '../seed/tickets.ts';
import { fakeSeedPhrase, incidentTickets } from '../seed/ticket-texts.ts';

let runtime: Runtime;
let tmp: { dir: string; remove(): void };
const clock = manualClock(Date.parse('2026-11-27T12:00:00Z'));
const hash = (n: number) => `0x${n.toString(16).padStart(64, 'a')}`;
const txs: ScenarioTx[] = (['failed_swap', 'token_to_contract', 'poisoning', 'nonce_gap', 'confirmed_payment'] as const).map((key, i) => ({ key, hash: hash(i) as `0x${string}`, user: '0x1111111111111111111111111111111111111111', expectedCode: '', what: '' }));

before(async () => {
  tmp = tempDir('opsdesk-demo-tickets-');
  runtime = await openRuntime(loadConfig({ cwd: tmp.dir, env: {}, flags: { dataDir: tmp.dir } }), { logger: silentLogger, clock });
});
after(async () => {
  await runtime?.close();
  tmp?.remove();
});

test('the backlog goes through the real intake: 40–80 tickets in en/es/pt, quoting the devnet hashes, the seed phrase redacted', async () => {
  const tickets = await runtime.tickets();
  const everyday = await seedBacklogTickets(tickets, { everyday: true }, clock);
  const scenarios = await seedBacklogTickets(tickets, { scenarios: txs }, clock);
  assert.ok(everyday + scenarios >= 40 && everyday + scenarios <= 80, `${everyday + scenarios} tickets`);
  assert.equal(scenarios, 12);
  const rows = await runtime.store.db.selectFrom('ticket_messages').select(['body']).execute();
  const all = rows.map((r) => r.body).join('\n');
  for (const tx of txs) assert.ok(all.includes(tx.hash), `a ticket quotes ${tx.key}`);
  assert.ok(!all.includes(fakeSeedPhrase), 'the pasted seed phrase never reaches the store');
  const flagged = await runtime.store.db.selectFrom('ticket_messages').select('security_flags').where('security_flags', '!=', '[]').execute();
  assert.ok(flagged.length >= 1, 'the seed-phrase ticket is flagged');
  const langs = new Set((await runtime.store.db.selectFrom('tickets').select('language').execute()).map((r) => r.language));
  for (const l of ['en', 'es', 'pt']) assert.ok(langs.has(l), `a ticket in ${l}: ${[...langs].join(',')}`);
  assert.equal(await seedBacklogTickets(tickets, { everyday: true }, clock), 0, 'seeding twice stores nothing new');
});

test('behavior: the incident wave sends one slow-swap ticket per tick from android 9.2.0 and then stops', async () => {
  const tickets = await runtime.tickets();
  const stored: string[] = [];
  const stop = startIncidentTickets({ ingest: async (m) => (stored.push(`${m.platform} ${m.appVersion} ${m.subject}`), tickets.ingest(m)) }, clock, { everyMs: 10, onError: (err) => assert.fail(String(err)) });
  try {
    const deadline = Date.now() + 10_000;
    while (stored.length < incidentTickets.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(stored.length, incidentTickets.length);
    assert.ok(stored.every((s) => s.startsWith('android 9.2.0 ')), stored.join('\n'));
  } finally {
    stop();
  }
});
