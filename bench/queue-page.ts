// The work queue's first page with many open tickets: the old path (load every open ticket, evaluate
// each SLA in JS, then filter/sort/page) against the new one (stored SLA fields; filter, order and page
// in SQL; full SLA only for the page), same store, same run. Also times the one-off backfill.
// Usage: npx tsx bench/queue-page.ts [--tickets 10000] [--runs 5] [--limit 500] [--engine sqlite|postgres]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualClock, newId } from '../src/core/index.ts';
import { openStore, type RelationalStore } from '../src/storage/index.ts';
import { defaultSlaSettings, listQueue, refreshStaleSla, type QueueFilter } from '../src/tickets/index.ts';
import { listQueueInMemory } from '../src/tickets/tests/queue-reference.ts';
import { createTempDatabase } from '../test/postgres.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const nTickets = Number(arg('tickets', '10000'));
const runs = Number(arg('runs', '5'));
const limit = Number(arg('limit', '500'));
const engine = arg('engine', 'sqlite');

let seed = 11;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

async function open(): Promise<{ store: RelationalStore; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'opsdesk-bench-queue-'));
  if (engine === 'postgres') {
    const temp = await createTempDatabase();
    const store = await openStore({ dataDir, url: temp.url, poolSize: 4 });
    return { store, close: async () => (await store.close(), await temp.drop(), rmSync(dataDir, { recursive: true, force: true })) };
  }
  const store = await openStore({ dataDir });
  return { store, close: async () => (await store.close(), rmSync(dataDir, { recursive: true, force: true })) };
}

async function seedTickets(store: RelationalStore, nowMs: number): Promise<void> {
  const tickets = [];
  const messages = [];
  const events = [];
  for (let i = 0; i < nTickets; i++) {
    const createdMs = nowMs - Math.floor(rand() * 5 * 86_400_000);
    const id = newId('tkt', createdMs);
    const created = new Date(createdMs).toISOString();
    const r = rand();
    const status = r < 0.15 ? 'pending' : r < 0.55 ? 'open' : 'new';
    tickets.push({
      id, source: 'api', source_id: `bench-${i}`, channel: pick(['email', 'email', 'chat']), requester: null, requester_name: null, tier: 'standard', subject: `Bench ticket ${i}`, status,
      category: pick(['tx_failed', 'bridge', 'nft', 'swap']), category_confidence: 0.9, severity: pick(['low', 'medium', 'high', 'critical']), priority: pick(['p1', 'p2', 'p3', 'p4']), language: 'en',
      security_flags: '[]', chains: JSON.stringify([pick(['ethereum', 'polygon', 'bsc', 'tron'])]), entities: '{}', reasons: '[]', kb: '[]', redacted_text: 'text', model_version: 1, created_at: created, received_at: created, updated_at: created,
    });
    messages.push({ id: newId('msg', createdMs), ticket_id: id, source_message_id: '0', author_kind: 'requester', author: null, channel: 'email', body: 'text', attachments: '[]', security_flags: '[]', created_at: created });
    if (status !== 'new') {
      const at = new Date(Math.min(nowMs, createdMs + Math.floor(rand() * 6 * 3_600_000))).toISOString();
      messages.push({ id: newId('msg', Date.parse(at)), ticket_id: id, source_message_id: '1', author_kind: 'agent', author: null, channel: 'email', body: 'reply', attachments: '[]', security_flags: '[]', created_at: at });
      events.push({ id: newId('tev', Date.parse(at)), ticket_id: id, at, kind: 'status_changed', actor: null, detail: JSON.stringify({ from: 'new', to: status }) });
    }
  }
  for (let i = 0; i < tickets.length; i += 500) await store.db.insertInto('tickets').values(tickets.slice(i, i + 500)).execute();
  for (let i = 0; i < messages.length; i += 500) await store.db.insertInto('ticket_messages').values(messages.slice(i, i + 500)).execute();
  for (let i = 0; i < events.length; i += 500) await store.db.insertInto('ticket_events').values(events.slice(i, i + 500)).execute();
}

async function time(fn: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wallMs: median(walls), cpuMs: median(cpus) };
}

const { store, close } = await open();
try {
  const clock = manualClock('2026-11-27T12:00:00.000Z');
  await seedTickets(store, clock.nowMs());
  const t0 = performance.now();
  const backfilled = await refreshStaleSla(store.db, ['new', 'open', 'pending'], { settings: defaultSlaSettings });
  console.log(`${engine}: ${nTickets.toLocaleString('en')} open tickets; backfill of the stored SLA fields: ${backfilled} tickets in ${Math.round(performance.now() - t0)} ms (once, after the migration)`);
  const cases: Array<[string, QueueFilter]> = [['first page', {}], ['sla=breached', { slaState: 'breached' }], ['category=bridge', { category: 'bridge' }]];
  for (const [name, filter] of cases) {
    const old = await time(async () => listQueueInMemory(store.db, { ...filter, limit }, defaultSlaSettings, clock.nowMs()));
    const now = await time(async () => listQueue(store.db, { ...filter, limit }, { settings: defaultSlaSettings, clock }));
    console.log(
      `${name.padEnd(16)} limit ${limit}: old path ${old.wallMs.toFixed(0)} ms (cpu ${old.cpuMs.toFixed(0)} ms), new path ${now.wallMs.toFixed(0)} ms (cpu ${now.cpuMs.toFixed(0)} ms): ${(old.wallMs / now.wallMs).toFixed(1)}× faster wall, ${(old.cpuMs / now.cpuMs).toFixed(1)}× less cpu (median of ${runs})`,
    );
  }
} finally {
  await close();
}
