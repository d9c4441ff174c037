import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { createToken } from '../../auth/index.ts';
import { loadConfig, manualClock, silentLogger, type ManualClock } from '../../core/index.ts';
import { startServer } from '../../main.ts';
import { openStore, type RelationalStore } from '../../storage/index.ts';
import { createTempDatabase } from '../../../test/postgres.ts';
import { tempDir } from '../../../test/tmp.ts';
import { correctTriage } from '../correct-triage.ts';
import { TriageModelInvalidError } from '../errors.ts';
import { fromApiBody } from '../intake/message.ts';
import { ingestTicket } from '../intake/ingest.ts';
import { openTriager } from './open.ts';
import { localDayAndMinute, runNightlyRetrain, type NightlyRetrainOutcome } from './schedule-retrain.ts';
import { fetchPublishedTriageModel } from './share-model.ts';
import type { Triager } from './triage.ts';

const agent = { kind: 'user', id: 'usr_agent', userId: 'usr_agent', name: 'Agent', role: 'agent' } as const;
// 03:30 in São Paulo (UTC−3, no daylight saving time) is 06:30 UTC.
const settings = { at: '03:30', timeZone: 'America/Sao_Paulo' };

interface Replica {
  store: RelationalStore;
  dataDir: string;
}

/** Two replicas on one database, each with its own data dir (so a model file shows who retrained). */
async function openReplicas(engine: 'sqlite' | 'postgres'): Promise<{ a: Replica; b: Replica; cleanup(): Promise<void> }> {
  const dirs = [mkdtempSync(join(tmpdir(), 'opsdesk-rt-a-')), mkdtempSync(join(tmpdir(), 'opsdesk-rt-b-'))] as const;
  const shared = mkdtempSync(join(tmpdir(), 'opsdesk-rt-db-'));
  const pg = engine === 'postgres' ? await createTempDatabase() : undefined;
  const open = () => (pg ? openStore({ dataDir: shared, url: pg.url, poolSize: 4 }) : openStore({ dataDir: shared }));
  const a = await open();
  const b = await open();
  return {
    a: { store: a, dataDir: dirs[0] },
    b: { store: b, dataDir: dirs[1] },
    async cleanup() {
      await a.close();
      await b.close();
      await pg?.drop();
      for (const d of [...dirs, shared]) rmSync(d, { recursive: true, force: true });
    },
  };
}

const modelFiles = (dataDir: string) => (existsSync(join(dataDir, 'triage')) ? readdirSync(join(dataDir, 'triage')).filter((f) => f.startsWith('model-v')).sort() : []);

async function auditOutcomes(store: RelationalStore): Promise<Array<Record<string, unknown>>> {
  const rows = await store.db.selectFrom('audit_log').select(['detail', 'actor_kind']).where('action', '=', 'triage.retrain').orderBy('at').execute();
  for (const r of rows) assert.equal(r.actor_kind, 'system');
  return rows.map((r) => JSON.parse(r.detail ?? '{}') as Record<string, unknown>);
}

let triager: Triager;
before(async () => {
  const tmp = tempDir();
  triager = await openTriager({ dataDir: tmp.dir });
  tmp.remove();
});

async function addCorrection(store: RelationalStore, clock: ManualClock, body: string, category: 'staking_or_rewards' | 'nft', externalId?: string): Promise<void> {
  const res = await ingestTicket({ db: store.db, triager, clock }, fromApiBody({ body, ...(externalId ? { externalId } : {}) }));
  await correctTriage(store.db, res.ticketId, { category }, agent, clock);
}

test('the local day and minute follow the configured time zone', () => {
  assert.deepEqual(localDayAndMinute(Date.parse('2026-12-01T02:59:00Z'), 'America/Sao_Paulo'), { date: '2026-11-30', minute: 23 * 60 + 59 });
  assert.deepEqual(localDayAndMinute(Date.parse('2026-12-01T06:30:00Z'), 'America/Sao_Paulo'), { date: '2026-12-01', minute: 3 * 60 + 30 });
  assert.deepEqual(localDayAndMinute(Date.parse('2026-12-01T06:30:00Z'), 'Etc/UTC'), { date: '2026-12-01', minute: 6 * 60 + 30 });
});

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`nightly triage retrain [${engine}]`, () => {
    test('runs at the configured local time on one replica only, and once a day', async () => {
      const { a, b, cleanup } = await openReplicas(engine);
      try {
        const clock = manualClock('2026-12-01T01:00:00Z');
        await addCorrection(a.store, clock, 'the app shows a weird banner about rewards', 'staking_or_rewards');
        clock.set('2026-12-01T06:29:00Z');
        assert.deepEqual(await runNightlyRetrain({ store: a.store, dataDir: a.dataDir, clock }, settings, 'a'), { ran: false, date: '2026-12-01', reason: 'not_due' });
        assert.deepEqual(modelFiles(a.dataDir), []);

        clock.set('2026-12-01T06:30:00Z');
        const both = await Promise.all([runNightlyRetrain({ store: a.store, dataDir: a.dataDir, clock }, settings, 'a'), runNightlyRetrain({ store: b.store, dataDir: b.dataDir, clock }, settings, 'b')]);
        const ran = both.filter((o) => o.ran);
        assert.equal(ran.length, 1, JSON.stringify(both));
        assert.deepEqual(both.filter((o) => !o.ran), [{ ran: false, date: '2026-12-01', reason: 'taken' }]);
        const won = ran[0] as Extract<NightlyRetrainOutcome, { outcome: 'accepted' }>;
        assert.equal(won.outcome, 'accepted');
        assert.equal(won.report.version, 2);
        assert.equal(won.newCorrections, 1);
        assert.equal([...modelFiles(a.dataDir), ...modelFiles(b.dataDir)].join(), 'model-v2.json');

        // The other replica fetches the accepted model from the database, once.
        const [winner, other] = modelFiles(a.dataDir).length ? [a, b] : [b, a];
        assert.equal(await fetchPublishedTriageModel(winner.store, winner.dataDir), undefined);
        assert.equal(await fetchPublishedTriageModel(other.store, other.dataDir), 2);
        assert.deepEqual(JSON.parse(readFileSync(join(other.dataDir, 'triage', 'model-v2.json'), 'utf8')), JSON.parse(readFileSync(join(winner.dataDir, 'triage', 'model-v2.json'), 'utf8')));
        assert.equal(await fetchPublishedTriageModel(other.store, other.dataDir), undefined);

        // Later the same local day, with a new correction: neither replica runs again.
        clock.set('2026-12-01T08:00:00Z');
        await addCorrection(a.store, clock, 'where are my staking rewards from last week', 'staking_or_rewards');
        clock.set('2026-12-02T02:59:00Z');
        for (const r of [a, b]) assert.deepEqual(await runNightlyRetrain({ store: r.store, dataDir: r.dataDir, clock }, settings, r === a ? 'a' : 'b'), { ran: false, date: '2026-12-01', reason: 'taken' });
        assert.equal((await auditOutcomes(a.store)).length, 1);

        // The next local day it runs again.
        clock.set('2026-12-02T06:31:00Z');
        const next = await runNightlyRetrain({ store: a.store, dataDir: a.dataDir, clock }, settings, 'a');
        assert.equal(next.ran && next.outcome, 'accepted');
        assert.equal(next.ran && next.outcome === 'accepted' && next.report.version, 3);
        const audit = await auditOutcomes(a.store);
        assert.deepEqual(audit.map((d) => [d.outcome, d.date]), [['accepted', '2026-12-01'], ['accepted', '2026-12-02']]);
        assert.ok(Number(audit[0]?.categoryAccuracy) >= 0.85);
      } finally {
        await cleanup();
      }
    });

    test('behavior: without corrections since the current model it skips and writes nothing', async () => {
      const { a, cleanup } = await openReplicas(engine);
      try {
        const clock = manualClock('2026-12-01T01:00:00Z');
        await addCorrection(a.store, clock, 'the app shows a weird banner about rewards', 'staking_or_rewards');
        clock.set('2026-12-01T06:30:00Z');
        const first = await runNightlyRetrain({ store: a.store, dataDir: a.dataDir, clock }, settings, 'a');
        assert.equal(first.ran && first.outcome, 'accepted');
        clock.set('2026-12-02T06:30:00Z');
        assert.deepEqual(await runNightlyRetrain({ store: a.store, dataDir: a.dataDir, clock }, settings, 'a'), { ran: true, date: '2026-12-02', outcome: 'skipped', newCorrections: 0 });
        assert.deepEqual(modelFiles(a.dataDir), ['model-v2.json']);
        assert.equal((await auditOutcomes(a.store)).length, 1);
      } finally {
        await cleanup();
      }
    });

    test('error: a published model that is not a valid model file is refused and nothing is written', async () => {
      const { a, cleanup } = await openReplicas(engine);
      try {
        await a.store.db.insertInto('triage_models').values({ version: 5, created_at: '2026-12-01T00:00:00Z', file: '{"format":"something-else"}' }).execute();
        await assert.rejects(fetchPublishedTriageModel(a.store, a.dataDir), (e: unknown) => e instanceof TriageModelInvalidError && /triage_models version 5 cannot be loaded/.test(e.message));
        assert.deepEqual(modelFiles(a.dataDir), []);
      } finally {
        await cleanup();
      }
    });

    test('error: a model that is worse on the held-out set is refused, with both accuracies recorded', async () => {
      const { a, cleanup } = await openReplicas(engine);
      try {
        const clock = manualClock('2026-12-01T01:00:00Z');
        // Wrong labels in bulk: the candidate gets worse.
        for (let i = 0; i < 120; i++) await addCorrection(a.store, clock, `my usdt is pending for hours on bsc, still pending ${i}`, 'nft', `bad-${i}`);
        clock.set('2026-12-01T06:30:00Z');
        const out = await runNightlyRetrain({ store: a.store, dataDir: a.dataDir, clock }, settings, 'a');
        assert.ok(out.ran && out.outcome === 'refused', JSON.stringify(out));
        assert.equal(out.currentVersion, 1);
        assert.ok(out.candidateAccuracy < out.currentAccuracy, JSON.stringify(out));
        assert.deepEqual(modelFiles(a.dataDir), []);
        const [audit] = await auditOutcomes(a.store);
        assert.deepEqual({ outcome: audit?.outcome, current: audit?.currentAccuracy, candidate: audit?.candidateAccuracy }, { outcome: 'refused', current: out.currentAccuracy, candidate: out.candidateAccuracy });
      } finally {
        await cleanup();
      }
    });
  });
}

test('behavior: a running server retrains at the configured time and triages with the new model without a restart', async () => {
  const tmp = tempDir('opsdesk-rt-server-');
  const clock = manualClock('2026-12-01T01:00:00Z');
  const config = loadConfig({
    cwd: tmp.dir,
    env: {},
    flags: { dataDir: tmp.dir, server: { port: 0, host: '127.0.0.1' }, auth: { adminPassword: 'a-long-admin-password' }, kb: { dir: tmp.dir }, monitor: { schedulerEnabled: false }, community: { backgroundTickSec: 0 }, triage: { retrain: { at: '03:30', timeZone: 'America/Sao_Paulo', checkEverySec: 1 } } },
  });
  const server = await startServer(config, { logger: silentLogger, announce: () => undefined, clock });
  try {
    const token = (await createToken(server.runtime.store.db, { name: 'agent', role: 'agent' }, null, clock)).secret;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${server.url}/api/tickets`, { method: 'POST', headers, body: JSON.stringify({ body: 'the app shows a weird banner about rewards' }) });
    assert.equal(created.status, 201, await created.clone().text());
    const { ticketId } = (await created.json()) as { ticketId: string };
    const fixed = await fetch(`${server.url}/api/tickets/${ticketId}/triage`, { method: 'POST', headers, body: JSON.stringify({ category: 'staking_or_rewards', severity: 'low' }) });
    assert.equal(fixed.status, 200, await fixed.text());
    const version = async () => (await server.runtime.tickets()).triager.modelVersion;
    assert.equal(await version(), 1);
    clock.set('2026-12-01T06:30:00Z');
    const deadline = Date.now() + 60_000;
    while ((await version()) !== 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal(await version(), 2);
    const next = await fetch(`${server.url}/api/tickets`, { method: 'POST', headers, body: JSON.stringify({ body: 'my usdt transfer on bsc has been pending for 3 hours' }) });
    const { ticketId: nextId } = (await next.json()) as { ticketId: string };
    const row = await server.runtime.store.db.selectFrom('tickets').select('model_version').where('id', '=', nextId).executeTakeFirstOrThrow();
    assert.equal(Number(row.model_version), 2);
  } finally {
    await server.stop();
    tmp.remove();
  }
});
