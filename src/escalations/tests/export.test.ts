import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { engines } from '../../../test/stores.ts';
import type { ChainAdapter, ChainService } from '../../chains/index.ts';
import { Config, silentLogger, type ManualClock } from '../../core/index.ts';
import { createIncidentsService, systemActor } from '../../incidents/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import type { TelemetryService } from '../../telemetry/index.ts';
import { createEscalationService, TrackerNotConfiguredError, TrackerRequestError, type EscalationDeps } from '../index.ts';
import { fileTicket, manualClock, openTelemetryWith, startChainWorld, type ChainWorld } from './harness.ts';
import { startTracker, type Tracker } from './tracker-server.ts';

const SEED = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const KEY_HEX = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const PK = `private key: 0x${KEY_HEX}`;
const CARD = '4111 1111 1111 1111';
const planted = `${SEED} / ${PK} / card ${CARD}`;

function assertClean(text: string, where: string): void {
  assert.doesNotMatch(text, /abandon abandon abandon/, `seed phrase in ${where}`);
  assert.ok(!text.toLowerCase().includes(KEY_HEX), `private key in ${where}`);
  assert.doesNotMatch(text, /4111[ -]?1111[ -]?1111[ -]?1111/, `card number in ${where}`);
}

/** The chain service, with every diagnosis carrying a planted secret in its evidence and summary (as a careless upstream might). */
function plantingChains(inner: ChainService): ChainService {
  return {
    ...inner,
    adapterFor(chain) {
      const real = inner.adapterFor(chain);
      const wrapped = Object.create(real) as ChainAdapter & { diagnoseTx: ChainAdapter['diagnoseTx'] };
      wrapped.diagnoseTx = async (hash, options) => {
        const d = await real.diagnoseTx(hash, options);
        return { ...d, findings: d.findings.map((f) => ({ ...f, summary: `${f.summary} ${CARD}`, evidence: { ...f.evidence, memo: planted } })) };
      };
      return wrapped;
    },
  };
}

let world: ChainWorld;
let tracker: Tracker;
let telemetry: TelemetryService;
let closeTelemetry: () => Promise<void>;
let hash: string;

before(async () => {
  [world, tracker] = await Promise.all([startChainWorld(), startTracker()]);
  await world.mint(world.accounts[1]!, '5');
  hash = await world.transfer(1, world.accounts[2]!, '9');
  ({ telemetry, close: closeTelemetry } = await openTelemetryWith([], manualClock('2026-11-27T09:00:00Z')));
  // Planted straight into the store (the ingest pipeline would have redacted it).
  await telemetry.store.append([{ tsMs: Date.parse('2026-11-26T10:00:00Z'), kind: 'log', service: 'wallet-app', severity: 'error', isError: true, name: 'import.failed', route: null, statusCode: null, durationMs: null, chain: 'local', appVersion: '7.4.0', platform: 'android', country: 'BR', rpcProvider: 'rpc-alpha', userId: 'u_dora', deviceId: null, address: null, txHash: hash, traceId: null, spanId: null, metricName: null, metricValue: null, body: `import failed: ${planted}`, attrs: JSON.stringify({ 'error.message': planted, 'wallet.note': `card ${CARD}` }) }]);
});

after(async () => {
  await closeTelemetry?.();
  await world?.stop();
  await new Promise<void>((r) => (tracker ? tracker.server.close(() => r()) : r()));
});

for (const engine of engines) {
  describe(`escalation exports [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    let clock: ManualClock;
    let deps: EscalationDeps;
    let incidentId: string;

    before(async () => {
      ({ store, cleanup } = await engine.open());
      clock = manualClock('2026-11-26T10:05:00Z');
      const ticketId = await fileTicket(store, world.triager, clock, '2026-11-26T10:05:00Z', { externalId: 'zd-2001', requester: 'dora@example.com', subject: 'send failed', body: `My USDT send failed, tx ${hash}`, platform: 'android', appVersion: '7.4.0' });
      // Planted past intake, as an old import or a bug elsewhere might leave it.
      await store.db.updateTable('ticket_messages').set({ body: `send failed, here is my wallet: ${planted}` }).where('ticket_id', '=', ticketId).execute();
      await store.db.updateTable('tickets').set({ subject: `send failed ${CARD}` }).where('id', '=', ticketId).execute();
      const incidents = createIncidentsService({ store, clock, logger: silentLogger, config: Config.parse({}) });
      const inc = await incidents.declare({ title: 'USDT sends fail on Android', severity: 'SEV3', links: [{ kind: 'ticket', id: ticketId }], workaround: 'Send at most the confirmed balance.' }, systemActor);
      incidentId = inc.id;
      await store.db.insertInto('incident_timeline').values({ id: 'itl_planted', incident_id: inc.id, at: '2026-11-26T10:30:00Z', kind: 'note', actor_id: null, actor_name: 'Agent', text: `user pasted ${planted}`, data: null }).execute();
      const config = Config.parse({ escalations: { githubBaseUrl: tracker.url, githubRepo: 'acme/wallet', githubToken: 'gh-token', jiraBaseUrl: tracker.url, jiraProjectKey: 'WAL', jiraEmail: 'ops@example.com', jiraToken: 'jira-token', linearBaseUrl: tracker.url, linearTeamId: 'team-1', linearToken: 'lin_api_key' } }).escalations;
      clock.set('2026-11-27T09:00:00Z');
      deps = { store, chains: plantingChains(world.chains), telemetry: async () => telemetry, config, clock };
      tracker.closed = false;
    });
    after(async () => cleanup());

    test('exports go to GitHub, Jira and Linear as valid payloads; closing upstream closes the escalation and queues the users\' notice', async () => {
      const service = createEscalationService(deps);
      const e = await service.create({ type: 'incident', id: incidentId }, null);
      for (const t of ['github', 'jira', 'linear'] as const) await service.send(e.id, t);
      const sent = await service.get(e.id);
      assert.equal(sent.status, 'sent');
      assert.deepEqual(sent.issues.map((i) => [i.tracker, i.key, i.state, i.closed]), [['github', 'acme/wallet#42', 'open', false], ['jira', 'WAL-7', 'created', false], ['linear', 'WAL-12', 'Triage', false]]);
      assert.equal(sent.issues.find((i) => i.tracker === 'jira')?.url, `${tracker.url}/browse/WAL-7`);
      const onTicket = await service.forTicket(sent.ticketIds[0]!);
      assert.deepEqual(onTicket[0]!.issues.map((i) => i.url), [`${tracker.url}/acme/wallet/issues/42`, `${tracker.url}/browse/WAL-7`, `${tracker.url}/acme/issue/WAL-12`]);

      tracker.closed = true;
      const synced = await service.sync(e.id);
      assert.equal(synced.status, 'closed');
      assert.deepEqual(synced.issues.map((i) => [i.state, i.closed]), [['closed (completed)', true], ['Done', true], ['Done', true]]);
      assert.deepEqual(synced.notifications.map((n) => n.status), ['pending']);
      const notified = await service.sync(e.id, { notify: true });
      assert.deepEqual(notified.notifications.map((n) => [n.status, n.notifiedAt]), [['sent', '2026-11-27T09:00:00.000Z']]);
      const replies = await store.db.selectFrom('ticket_messages').select('body').where('ticket_id', '=', notified.ticketIds[0]!).where('author_kind', '=', 'agent').execute();
      assert.match(replies.at(-1)!.body, /engineering team has fixed the problem/);
      tracker.closed = false;
    });

    test('behavior: a seed phrase, a private key and a card number planted in every source reach neither the Markdown nor any payload', async () => {
      const service = createEscalationService(deps);
      const e = await service.create({ type: 'incident', id: incidentId }, null);
      assert.ok(e.report.evidence.notes.length === 1 && e.report.evidence.telemetry.events.length === 1 && e.report.evidence.findings.length > 0, 'every source made it into the report');
      assert.match(e.report.evidence.notes[0]!.text, /\[REDACTED:seed_phrase\]/);
      const md = await service.markdown(e.id);
      assertClean(md, 'Markdown');
      assertClean(JSON.stringify(await service.get(e.id)), 'the stored report');
      for (const t of ['github', 'jira', 'linear'] as const) assertClean(JSON.stringify(await service.payload(e.id, t)), `${t} payload`);
      for (const body of tracker.bodies) assertClean(body, 'a request a tracker received');
      assert.ok(tracker.bodies.length >= 3);
    });

    test('error: an unconfigured tracker, a rejected request and a second send are refused with what to do', async () => {
      const service = createEscalationService({ ...deps, config: Config.parse({}).escalations });
      const e = await service.create({ type: 'incident', id: incidentId }, null);
      await assert.rejects(service.send(e.id, 'github'), (err: unknown) => err instanceof TrackerNotConfiguredError && /githubRepo, escalations.githubToken/.test(err.metaMessages?.join(' ') ?? ''));
      const wrongToken = createEscalationService({ ...deps, config: { ...deps.config, linearToken: 'nope' } });
      await assert.rejects(wrongToken.send(e.id, 'linear'), (err: unknown) => err instanceof TrackerRequestError && err.shortMessage === 'The linear API did not accept the request (HTTP 401).');
      const ok = createEscalationService(deps);
      await ok.send(e.id, 'github');
      await assert.rejects(ok.send(e.id, 'github'), { name: 'EscalationAlreadySentError', code: 'CONFLICT' });
    });
  });
}
