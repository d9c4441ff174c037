import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig, manualClock, silentLogger } from '../../core/index.ts';
import { openRuntime } from '../../main.ts';
import { openTestApp } from '../../../test/http.ts';
import { tempDir } from '../../../test/tmp.ts';
import { fromApiBody, listQueue, loadSlaSettings, SlaSettingsFileInvalidError } from '../index.ts';

// São Paulo business days with a lunch break; Monday 2026-11-23 is a holiday. A p1 policy answers in 10 minutes round the clock.
function settingsFile(allFirstReplyMin: number) {
  return {
    calendars: {
      sp: {
        timeZone: 'America/Sao_Paulo',
        periods: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '18:00' }]])),
        holidays: ['2026-11-23'],
      },
    },
    policies: [
      { id: 'vip-p1', priorities: ['p1'], calendar: 'always', firstReplyMin: 10, onBreach: [{ kind: 'notify', target: 'team-lead' }] },
      { id: 'sp-all', calendar: 'sp', firstReplyMin: allFirstReplyMin, resolutionMin: 5000 },
    ],
  };
}

// Friday 2026-11-20 17:00 in São Paulo (UTC-3): one open hour left that day.
const friday = '2026-11-20T20:00:00.000Z';
const ask = { externalId: 'sla-1', requester: 'ana@example.com', requesterName: 'Ana', body: 'Small question: how do I change the name shown on my profile? No hurry.', locale: 'en' };

type Queue = { items: Array<{ id: string; priority: string; sla: { state: string; policy: string; nextDueAt: string | null } }> };

test('a configured SLA file (two periods a day, a holiday, a custom p1 target) drives the stored due time, the queue and the settings page', async () => {
  const dir = tempDir('opsdesk-sla-');
  const file = join(dir.dir, 'sla.json');
  // Friday 60 min, Monday a holiday, Tuesday 09:00–12:00 (180) and 14:00–14:30 (30): due Tuesday 14:30 local.
  writeFileSync(file, JSON.stringify(settingsFile(270)));
  const clock = manualClock(friday);
  const t = await openTestApp({ clock, config: { sla: { policiesFile: file } } });
  try {
    const agent = { authorization: `Bearer ${await t.tokenFor('agent')}`, 'content-type': 'application/json' };
    const { ticketId } = (await (await t.request('/api/tickets', { method: 'POST', headers: agent, body: JSON.stringify(ask) })).json()) as { ticketId: string };
    const stored = await t.runtime.store.db.selectFrom('tickets').select(['priority', 'sla_policy', 'sla_due_at']).where('id', '=', ticketId).executeTakeFirstOrThrow();
    assert.notEqual(stored.priority, 'p1', 'the question should not be triaged p1');
    assert.equal(stored.sla_policy, 'sp-all');
    assert.equal(stored.sla_due_at, '2026-11-24T17:30:00.000Z');

    const queue = async () => ((await (await t.request('/api/queue', { headers: agent })).json()) as Queue).items.find((i) => i.id === ticketId)!;
    clock.set('2026-11-23T15:00:00.000Z'); // the holiday: no business time passes
    const { state, policy, nextDueAt } = (await queue()).sla;
    assert.deepEqual({ state, policy, nextDueAt }, { state: 'active', policy: 'sp-all', nextDueAt: '2026-11-24T17:30:00.000Z' });
    clock.set('2026-11-24T17:31:00.000Z');
    assert.equal((await queue()).sla.state, 'breached');

    // Raising the severity makes it p1: the correction recomputes the stored fields with the configured p1 target.
    clock.set(friday);
    const corrected = (await (await t.request(`/api/tickets/${ticketId}/triage`, { method: 'POST', headers: agent, body: JSON.stringify({ severity: 'critical' }) })).json()) as { priority: string };
    assert.equal(corrected.priority, 'p1');
    const after = await t.runtime.store.db.selectFrom('tickets').select(['sla_policy', 'sla_due_at']).where('id', '=', ticketId).executeTakeFirstOrThrow();
    assert.deepEqual(after, { sla_policy: 'vip-p1', sla_due_at: '2026-11-20T20:10:00.000Z' });
    clock.set('2026-11-20T20:08:00.000Z');
    assert.equal((await queue()).sla.state, 'warning');
    clock.set('2026-11-20T20:11:00.000Z');
    const late = (await queue()).sla;
    assert.deepEqual([late.state, late.policy], ['breached', 'vip-p1']);

    const page = (await (await t.request('/api/settings/sla', { headers: agent })).json()) as { source: string; file: string; configPath: string; policies: Array<{ id: string }>; calendars: Record<string, { timeZone: string; holidays: string[] }> };
    assert.equal(page.file, file);
    assert.ok(page.source.includes(file) && page.source.includes('sla.policiesFile'));
    assert.deepEqual(page.policies.map((p) => p.id), ['vip-p1', 'sp-all']);
    assert.deepEqual(page.calendars.sp?.holidays, ['2026-11-23']);
  } finally {
    await t.close();
    dir.remove();
  }
});

test('changing the SLA file between two runtime opens recomputes the stored fields (fingerprint)', async () => {
  const dir = tempDir('opsdesk-sla-');
  const file = join(dir.dir, 'sla.json');
  const open = async () => openRuntime(loadConfig({ cwd: dir.dir, env: {}, flags: { dataDir: dir.dir, sla: { policiesFile: file } } }), { logger: silentLogger, clock: manualClock(friday) });
  writeFileSync(file, JSON.stringify(settingsFile(270)));
  let runtime = await open();
  let ticketId: string;
  try {
    ticketId = (await (await runtime.tickets()).ingest(fromApiBody(ask))).ticketId;
    assert.equal((await runtime.store.db.selectFrom('tickets').select('sla_due_at').where('id', '=', ticketId).executeTakeFirstOrThrow()).sla_due_at, '2026-11-24T17:30:00.000Z');
  } finally {
    await runtime.close();
  }
  // 300 minutes: 60 on Friday, 180 on Tuesday morning, 60 after lunch.
  writeFileSync(file, JSON.stringify(settingsFile(300)));
  runtime = await open();
  try {
    const before = await runtime.store.db.selectFrom('tickets').select(['sla_due_at', 'sla_fp']).where('id', '=', ticketId).executeTakeFirstOrThrow();
    assert.equal(before.sla_due_at, '2026-11-24T17:30:00.000Z', 'stored under the old settings');
    const page = await listQueue(runtime.store.db, {}, { clock: runtime.clock, settings: runtime.sla.settings });
    assert.equal(page.items.find((i) => i.id === ticketId)?.sla.nextDueAt, '2026-11-24T18:00:00.000Z');
    const now = await runtime.store.db.selectFrom('tickets').select(['sla_due_at', 'sla_fp']).where('id', '=', ticketId).executeTakeFirstOrThrow();
    assert.equal(now.sla_due_at, '2026-11-24T18:00:00.000Z');
    assert.notEqual(now.sla_fp, before.sla_fp);
  } finally {
    await runtime.close();
    dir.remove();
  }
});

test('a bad SLA file stops the runtime with the field to fix; a relative path resolves like kb.dir', async () => {
  const dir = tempDir('opsdesk-sla-');
  try {
    const bad = settingsFile(270) as { policies: Array<Record<string, unknown>>; calendars: { sp: Record<string, unknown> } };
    bad.policies[1]!.firstReplyMin = -5;
    writeFileSync(join(dir.dir, 'bad.json'), JSON.stringify(bad));
    const config = loadConfig({ cwd: dir.dir, env: {}, flags: { dataDir: dir.dir, sla: { policiesFile: join(dir.dir, 'bad.json') } } });
    await assert.rejects(openRuntime(config, { logger: silentLogger }), (err: unknown) => {
      assert.ok(err instanceof SlaSettingsFileInvalidError);
      assert.equal(err.code, 'VALIDATION');
      assert.match(err.message, /bad\.json/);
      assert.match(err.message, /policies\.1\.firstReplyMin/);
      assert.match(err.message, /sla\.policiesFile/);
      return true;
    });
    const typo = settingsFile(270) as { policies: Array<Record<string, unknown>> };
    typo.policies[0] = { ...typo.policies[0], firstReplyMinutes: 5 };
    writeFileSync(join(dir.dir, 'typo.json'), JSON.stringify(typo));
    assert.throws(() => loadSlaSettings('typo.json', dir.dir), /policies\.0\.firstReplyMinutes: unknown field/);
    const zone = settingsFile(270);
    zone.calendars.sp.timeZone = 'America/Atlantis';
    writeFileSync(join(dir.dir, 'zone.json'), JSON.stringify(zone));
    assert.throws(() => loadSlaSettings('zone.json', dir.dir), /America\/Atlantis/);
    writeFileSync(join(dir.dir, 'broken.json'), '{ "policies": [');
    assert.throws(() => loadSlaSettings('broken.json', dir.dir), /not valid JSON/);
    assert.throws(() => loadSlaSettings('missing.json', dir.dir), /does not exist/);
    writeFileSync(join(dir.dir, 'good.json'), JSON.stringify(settingsFile(270)));
    const good = loadSlaSettings('good.json', dir.dir);
    assert.equal(good.file, join(dir.dir, 'good.json'));
    assert.deepEqual(good.settings.policies.map((p) => p.id), ['vip-p1', 'sp-all']);
    assert.equal(loadSlaSettings(undefined).file, null);
  } finally {
    dir.remove();
  }
});
