import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { engines } from '../../../test/stores.ts';
import { Config, type ManualClock } from '../../core/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import type { TelemetryService } from '../../telemetry/index.ts';
import { assignCluster } from '../../tickets/index.ts';
import { createEscalationService, EscalationNotFoundError, EscalationSourceEmptyError, renderMarkdown, type EscalationDeps } from '../index.ts';
import { fileTicket, manualClock, openTelemetryWith, startChainWorld, type ChainWorld } from './harness.ts';

const snapshotFile = new URL('../../../test/fixtures/escalations/usdt-send-exceeds-balance.md', import.meta.url);
const agent = { kind: 'user', id: 'usr_agent', userId: 'usr_agent', name: 'Agent', role: 'agent' } as const;

let world: ChainWorld;
let telemetry: TelemetryService;
let closeTelemetry: () => Promise<void>;
const hashes: string[] = [];

/** Ticket ids and transaction hashes change from run to run; everything else in the report must not. */
function normalise(md: string, ticketIds: readonly string[]): string {
  let out = md.replace(/inc_[0-9a-z]{26}/g, 'inc_1');
  ticketIds.forEach((id, n) => (out = out.replaceAll(id, `tkt_${n + 1}`)));
  hashes.forEach((h, n) => (out = out.replaceAll(h, `0xTX${n + 1}`).replaceAll(`${h.slice(0, 10)}…${h.slice(-8)}`, `0xTX${n + 1}…`)));
  return out;
}

before(async () => {
  world = await startChainWorld();
  const [ana, bruno, carla] = [world.accounts[1]!, world.accounts[2]!, world.accounts[3]!];
  await world.mint(ana, '50');
  await world.mint(bruno, '20');
  await world.mint(carla, '10');
  // Each user sends the balance the app showed (confirmed + an unconfirmed incoming transfer): the token reverts.
  hashes.push(await world.transfer(1, world.accounts[4]!, '80.5'));
  hashes.push(await world.transfer(2, world.accounts[4]!, '35'));
  hashes.push(await world.transfer(3, world.accounts[4]!, '25.25'));
  const clock = manualClock('2026-11-27T09:00:00Z');
  const user = (id: string, address: string, txHash: string, at: string, trace: string) => [
    { timestamp: at.replace(/:00Z$/, ':01Z'), kind: 'span', service: 'wallet-api', name: 'GET /v1/balances', route: '/v1/balances', status: 200, durationMs: 180, chain: 'local', userId: id, address, rpcProvider: 'rpc-alpha', appVersion: '7.4.0', platform: 'android', os: { name: 'Android', version: '14' }, traceId: trace, wallet: { balance: { includes_pending: true } } },
    { timestamp: at.replace(/:00Z$/, ':20Z'), level: 'error', service: 'wallet-app', name: 'send.failed', message: 'execution reverted: ERC20: transfer amount exceeds balance', chain: 'local', userId: id, address, txHash, rpcProvider: 'rpc-alpha', appVersion: '7.4.0', platform: 'android', os: { name: 'Android', version: '14' }, traceId: trace, error: { code: 'CALL_EXCEPTION' }, wallet: { token: { symbol: 'USDT' } } },
  ];
  ({ telemetry, close: closeTelemetry } = await openTelemetryWith(
    [
      ...user('u_ana', ana, hashes[0]!, '2026-11-24T15:02:00Z', 'a1'.repeat(16)),
      ...user('u_bruno', bruno, hashes[1]!, '2026-11-26T08:10:00Z', 'b2'.repeat(16)),
      ...user('u_carla', carla, hashes[2]!, '2026-11-26T11:30:00Z', 'c3'.repeat(16)),
      { timestamp: '2026-11-26T11:31:00Z', level: 'info', service: 'wallet-app', name: 'screen.opened', message: 'opened activity', userId: 'u_carla', address: carla, appVersion: '7.4.0', platform: 'android' },
    ],
    clock,
  ));
});

after(async () => {
  await closeTelemetry?.();
  await world?.stop();
});

for (const engine of engines) {
  describe(`escalation report [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    let clock: ManualClock;
    let deps: EscalationDeps;
    const ticketIds: string[] = [];

    before(async () => {
      ({ store, cleanup } = await engine.open());
      clock = manualClock('2026-11-24T15:10:00Z');
      const [ana, bruno, carla] = [world.accounts[1]!, world.accounts[2]!, world.accounts[3]!];
      ticketIds.push(await fileTicket(store, world.triager, clock, '2026-11-24T15:10:00Z', { externalId: 'zd-1001', requester: 'ana@example.com', subject: 'USDT send failed but app showed enough balance', body: `I tried to send 80.5 USDT to my exchange and the transaction failed. The app showed 80.5 USDT available. My wallet ${ana}, tx ${hashes[0]}`, platform: 'android', appVersion: '7.4.0' }));
      ticketIds.push(await fileTicket(store, world.triager, clock, '2026-11-26T08:20:00Z', { externalId: 'zd-1002', requester: 'bruno@example.com', subject: 'transfer failed', body: `Send of 35 USDT failed with an error, I paid the gas fee for nothing. tx ${hashes[1]} from ${bruno}`, platform: 'android', appVersion: '7.4.0' }));
      ticketIds.push(await fileTicket(store, world.triager, clock, '2026-11-26T11:45:00Z', { externalId: 'zd-1003', requester: 'carla@example.com', subject: 'failed transaction USDT', body: `My USDT transfer failed: ${hashes[2]} (address ${carla}). The balance said 25.25 USDT.`, platform: 'android', appVersion: '7.4.0' }));
      await store.db.insertInto('ticket_messages').values({ id: 'msg_agent_1', ticket_id: ticketIds[0]!, source_message_id: 'reply:1', author_kind: 'agent', author: 'Agent', channel: 'api', body: 'Until the fix ships, wait until incoming transfers are confirmed and send at most the confirmed balance shown on the explorer.', attachments: '[]', security_flags: '[]', created_at: '2026-11-24T16:00:00Z' }).execute();
      clock.set('2026-11-27T09:00:00Z');
      let n = 0;
      deps = { store, chains: world.chains, telemetry: async () => telemetry, config: Config.parse({}).escalations, clock, newId: (p) => `${p}_${String(++n).padStart(4, '0')}` };
    });
    after(async () => cleanup());

    test('a report from the tickets of a bug: diagnosed on chain, correlated in telemetry, matching the reviewed Markdown', async () => {
      const service = createEscalationService(deps);
      const e = await service.create({ type: 'ticket', id: ticketIds[0]! }, agent);
      assert.equal(e.id, 'esc_0001');
      assert.equal(e.report.evidence.findings[0]!.code, 'evm.failed.insufficient_token_balance');
      assert.equal(e.report.impact.funds[0]!.amount, '80500000');

      const all = await buildForAll(deps, ticketIds);
      const r = all.report;
      assert.deepEqual(r.impact.funds, [{ chain: 'local', symbol: 'USDT', token: world.token, amount: '140750000', decimals: 6, display: '140.75', kind: 'blocked', transactions: 3 }]);
      assert.equal(r.impact.tickets, 3);
      assert.equal(r.impact.usersFromTelemetry, 3);
      assert.equal(r.impact.trend.growing, true);
      assert.deepEqual(r.environment.appVersions, [{ value: '7.4.0', tickets: 3, events: 7 }]);
      assert.deepEqual(r.environment.rpcProviders, [{ value: 'rpc-alpha', tickets: 0, events: 6 }]);
      assert.ok(r.evidence.telemetry.query?.http.startsWith('/api/telemetry/correlate?'));
      const md = normalise(renderMarkdown(all), ticketIds);
      if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(snapshotFile)) writeFileSync(snapshotFile, md);
      const expected = readFileSync(snapshotFile, 'utf8');
      if (md !== expected) writeFileSync(join(tmpdir(), `escalation-${engine.name}.actual.md`), md);
      assert.equal(md, expected, `differs from the reviewed snapshot; actual in ${join(tmpdir(), `escalation-${engine.name}.actual.md`)} (UPDATE_SNAPSHOTS=1 rewrites it)`);
    });

    test('behavior: an agent edits the drafted steps and the edit is stored, redacted', async () => {
      const service = createEscalationService(deps);
      const e = await service.create({ type: 'ticket', id: ticketIds[1]! }, agent);
      const edited = await service.edit(e.id, { reproduction: ['Receive USDT, do not wait for confirmation.', 'Send the full balance shown; card 4111 1111 1111 1111.'], title: 'Send screen offers unconfirmed USDT' });
      assert.equal(edited.title, 'Send screen offers unconfirmed USDT');
      assert.equal(edited.report.reproduction[0], 'Receive USDT, do not wait for confirmation.');
      assert.doesNotMatch(JSON.stringify(edited), /4111 1111 1111 1111/);
      assert.match(await service.markdown(e.id), /Send screen offers unconfirmed USDT/);
      assert.ok((await service.forTicket(ticketIds[1]!)).some((x) => x.id === e.id));
    });

    test('behavior: a cluster (problem) is escalated with its tickets', async () => {
      const assigned = [];
      for (const [n, at] of ['2026-11-26T12:00:00Z', '2026-11-26T12:05:00Z'].entries()) {
        const id = await fileTicket(store, world.triager, clock, at, { externalId: `zd-20${n}`, requester: `user${n}@example.com`, subject: 'USDT send failed', body: `My USDT transfer failed: ${hashes[n]}`, platform: 'android', appVersion: '7.4.0' });
        assigned.push(await assignCluster(store.db, id, { clock }));
      }
      clock.set('2026-11-27T09:00:00Z');
      const clusterId = assigned.find((a) => a.clusterId)?.clusterId;
      assert.ok(clusterId);
      const e = await createEscalationService(deps).create({ type: 'cluster', id: clusterId }, agent);
      assert.equal(e.source.type, 'cluster');
      assert.deepEqual(e.ticketIds, assigned.map((a) => a.ticketId).sort(), 'the first ticket joins the cluster the second one opens');
      assert.equal(e.report.evidence.findings[0]!.code, 'evm.failed.insufficient_token_balance');
    });

    test('error: unknown escalations and sources without tickets are refused', async () => {
      const service = createEscalationService(deps);
      await assert.rejects(service.get('esc_nope'), EscalationNotFoundError);
      await assert.rejects(service.create({ type: 'cluster', id: 'clu_nope' }, agent), { name: 'ClusterNotFoundError' });
      const { createIncidentsService, systemActor } = await import('../../incidents/index.ts');
      const { silentLogger } = await import('../../core/index.ts');
      const empty = await createIncidentsService({ store, clock, logger: silentLogger, config: Config.parse({}) }).declare({ title: 'Nothing linked yet', severity: 'SEV4' }, systemActor);
      await assert.rejects(service.create({ type: 'incident', id: empty.id }, agent), EscalationSourceEmptyError);
      await assert.rejects(service.create({ type: 'ticket', id: 'tkt_nope' }, agent), { name: 'TicketNotFoundError' });
    });
  });
}

/** Escalates the three tickets together, through an incident that links them (as support does once a bug spreads). */
async function buildForAll(deps: EscalationDeps, ticketIds: readonly string[]) {
  const { createIncidentsService, systemActor } = await import('../../incidents/index.ts');
  const { silentLogger } = await import('../../core/index.ts');
  const incidents = createIncidentsService({ store: deps.store, clock: deps.clock, logger: silentLogger, config: Config.parse({}) });
  const inc = await incidents.declare({ title: 'USDT sends fail on Android 7.4.0: app offers unconfirmed balance', severity: 'SEV3', links: ticketIds.map((id) => ({ kind: 'ticket' as const, id })) }, systemActor);
  return createEscalationService(deps).create({ type: 'incident', id: inc.id }, null);
}
