import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Config, manualClock, silentLogger, type ManualClock } from '../../core/index.ts';
import { createMonitorDeps, raiseAlert } from '../../monitor/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import { createIncidentsService, IncidentResolvedError, IncidentNotFoundError, ProviderSummaryInvalidError, UpdateImpersonationRiskError, type IncidentsService, type TicketReplier } from '../index.ts';

const commander = { id: 'usr_commander', name: 'Ana (commander)' };
const comms = { id: 'usr_comms', name: 'Bruno (comms)' };

function service(store: RelationalStore, clock: ManualClock, replyToTicket?: TicketReplier): IncidentsService {
  const config = Config.parse({ server: { publicUrl: 'https://status.wallet.example' }, statusPage: { allowedLinkHosts: ['help.wallet.example'] } });
  return createIncidentsService({ store, clock, logger: silentLogger, config, ...(replyToTicket ? { replyToTicket } : {}) });
}

for (const engine of engines) {
  describe(`incidents lifecycle [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await engine.open());
    });
    after(async () => cleanup());

    test('declare from an alert, update through every phase, resolve: the timeline writes itself', async () => {
      const clock = manualClock('2026-11-20T10:00:00Z');
      const replies: { ticketId: string; text: string }[] = [];
      const svc = service(store, clock, async (ticketId, bodies) => void replies.push({ ticketId, text: bodies.es }));
      const group = await svc.addComponent({ name: 'Swaps', group: true });
      const swapEth = await svc.addComponent({ name: 'Swaps on Ethereum', groupId: group.id });
      const monitor = createMonitorDeps(store, clock, Config.parse({}));
      const { alert } = await raiseAlert(monitor, { source: 'slo', title: 'Swap API 5xx rate above SLO on ethereum', severity: 'critical', series: 'swap_api_errors{chain="ethereum"}', at: '2026-11-20T09:55:00Z' });
      const incident = await svc.declareFromStoredAlert(alert.id, commander, { affected: [{ chain: 'ethereum', feature: 'swap', platform: 'ios', appVersion: '9.1.x' }] });
      assert.equal(incident.title, 'Swap API 5xx rate above SLO on ethereum');
      assert.equal(incident.severity, 'SEV1');
      assert.equal(incident.impact, 'critical');
      assert.equal(incident.status, 'investigating');
      assert.equal(incident.startedAt, '2026-11-20T09:55:00.000Z');
      assert.equal(incident.published, false);
      assert.deepEqual((await svc.links(incident.id)).map((l) => [l.kind, l.refId]), [['alert', alert.id]]);

      await svc.assignRole(incident.id, 'comms', comms.id, commander);
      clock.advance(5 * 60_000);
      const linked = await svc.link(incident.id, [{ kind: 'ticket', id: 'tkt_1' }, { kind: 'ticket', id: 'tkt_2' }, { kind: 'cluster', id: 'cls_swaps' }], commander);
      assert.deepEqual(linked, { added: 3, ticketCount: 2 });
      assert.deepEqual(await svc.link(incident.id, [{ kind: 'ticket', id: 'tkt_2' }], commander), { added: 0, ticketCount: 2 });

      const first = await svc.postUpdate(incident.id, { status: 'investigating', components: [{ id: swapEth.id, status: 'partial_outage' }], workaround: 'Use the bridge tab to swap on Arbitrum.', nextUpdateAt: '2026-11-20T11:00:00Z' }, comms);
      assert.match(first.update.bodies.en, /investigating reports of problems with Swaps on Ethereum/);
      assert.match(first.update.bodies.en, /Workaround: Use the bridge tab/);
      assert.match(first.update.bodies.es, /Próxima actualización: 20 nov 2026/);
      assert.match(first.update.bodies['pt-BR'], /Estamos investigando/);
      assert.deepEqual(first.update.affectedComponents, [{ code: swapEth.id, name: 'Swaps on Ethereum', old_status: 'operational', new_status: 'partial_outage' }]);
      assert.equal((await svc.getComponent(swapEth.id)).status, 'partial_outage');
      assert.equal(first.incident.published, true);
      assert.deepEqual(first.ticketReplies, { sent: 2, failed: 0, skipped: 0, wired: true });
      assert.deepEqual(replies.map((r) => r.ticketId), ['tkt_1', 'tkt_2']);

      clock.advance(20 * 60_000);
      await svc.changeSeverity(incident.id, 'SEV2', commander);
      await svc.logProvider(incident.id, { provider: 'rpc-provider', direction: 'reported', text: 'eth_call timeouts from us-east since 09:55', reference: 'CASE-4411' }, commander);
      await svc.addNote(incident.id, 'Internal: suspect node pool eu-2', commander);
      await svc.postUpdate(incident.id, { status: 'identified', text: { en: 'An upstream node provider is failing; we are switching providers.' } }, comms);
      clock.advance(30 * 60_000);
      await svc.logProvider(incident.id, { provider: 'rpc-provider', direction: 'reply', text: 'Mitigated on our side', reference: 'CASE-4411', providerStatus: 'monitoring' }, commander);
      await svc.postUpdate(incident.id, { status: 'monitoring' }, comms);
      clock.advance(15 * 60_000);
      const resolved = await svc.resolve(incident.id, { errorRatio: 0.2, usersAffected: 1200 }, comms);
      assert.equal(resolved.incident.status, 'resolved');
      assert.equal(resolved.incident.resolvedAt, '2026-11-20T11:10:00.000Z');
      assert.equal((await svc.getComponent(swapEth.id)).status, 'operational');

      const detail = await svc.get(incident.id);
      assert.equal(detail.updates.length, 4);
      assert.deepEqual(detail.updates.map((u) => u.status), ['resolved', 'monitoring', 'identified', 'investigating']);
      assert.deepEqual(Object.keys(detail.providers), ['rpc-provider']);
      assert.equal(detail.providers['rpc-provider']!.length, 2);
      const kinds = detail.timeline.map((t) => t.kind);
      for (const k of ['declared', 'link', 'role', 'update', 'component', 'severity', 'provider', 'note', 'status', 'notification']) assert.ok(kinds.includes(k as never), `timeline has no ${k} entry`);
      assert.ok(detail.timeline.some((t) => t.text.includes('2 linked tickets in all')));
      assert.ok(detail.timeline.some((t) => t.text === 'Severity SEV1 → SEV2' && t.actorName === commander.name));
      assert.ok(detail.timeline.every((t, i, all) => i === 0 || all[i - 1]!.at <= t.at));

      const impact = await svc.impact(incident.id);
      assert.equal(impact.durationMin, 75);
      assert.equal(impact.tickets, 2);
      assert.equal(impact.usersAffected, 1200);
      assert.equal(impact.errorBudget.budgetMin, 43.2);
      assert.equal(impact.errorBudget.burnedMin, 15);
      assert.equal(impact.errorBudget.burnedPct, 34.72);
      assert.equal(impact.timeToIdentifyMin, 30);

      const md = await svc.draftPostmortem(incident.id);
      for (const heading of ['## Summary', '## Impact', '## Timeline (UTC)', '## Contributing factors', '## Action items']) assert.ok(md.includes(heading), heading);
      assert.match(md, /\| linked tickets \| 2 \|/);
      assert.match(md, /34\.72% of the 30-day budget at 99\.9%/);
      assert.match(md, /External provider rpc-provider: 2 log entries \(reference CASE-4411\)/);
      await svc.savePostmortem(incident.id, md.replace('Edit freely', 'Edited by the team'), commander);
      assert.match((await svc.get(incident.id)).incident.postmortem ?? '', /Edited by the team/);
    });

    test('behavior: secrets in notes, titles and provider messages are redacted before they are stored', async () => {
      const clock = manualClock('2026-11-21T10:00:00Z');
      const svc = service(store, clock);
      const seed = 'abandon ability able about above absent absorb abstract absurd abuse access accident';
      const incident = await svc.declare({ title: 'Card payments failing', severity: 'SEV3', summary: `User pasted ${seed}` }, commander);
      await svc.addNote(incident.id, `ticket quoted ${seed}`, commander);
      const detail = await svc.get(incident.id);
      assert.ok(!JSON.stringify(detail).includes('abandon ability'), 'a seed phrase reached the store');
      assert.match(detail.incident.summary ?? '', /\[REDACTED:seed_phrase\]/);
    });

    test('behavior: uptime counts major outage as down and partial outage at 30%', async () => {
      const clock = manualClock('2026-11-10T00:00:00Z');
      const svc = service(store, clock);
      const c = await svc.addComponent({ name: 'Card payments' });
      clock.set('2026-11-12T12:00:00Z');
      await svc.setComponentStatus(c.id, 'major_outage', commander);
      clock.set('2026-11-12T14:24:00Z');
      await svc.setComponentStatus(c.id, 'partial_outage', commander);
      clock.set('2026-11-12T16:48:00Z');
      await svc.setComponentStatus(c.id, 'operational', commander);
      clock.set('2026-11-14T12:00:00Z');
      const up = (await svc.uptime([c.id], 6)).get(c.id)!;
      assert.deepEqual(up.days.map((d) => d.date), ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14']);
      assert.equal(up.days[0]!.uptimePct, null);
      assert.equal(up.days[1]!.uptimePct, 100);
      assert.equal(up.days[3]!.worst, 'major_outage');
      assert.equal(up.days[3]!.uptimePct, 87);
      assert.equal(up.days[3]!.majorMin, 144);
      assert.equal(up.uptimePct, 97.11);
    });

    test('behavior: a maintenance is scheduled, starts and completes, driving its components', async () => {
      const clock = manualClock('2026-11-22T08:00:00Z');
      const svc = service(store, clock);
      const staking = await svc.addComponent({ name: 'Staking' });
      const scheduled = await svc.scheduleMaintenance({ title: 'Staking contract upgrade', scheduledFor: '2026-11-23T02:00:00Z', scheduledUntil: '2026-11-23T03:00:00Z', componentIds: [staking.id] }, commander);
      assert.equal(scheduled.incident.kind, 'maintenance');
      assert.equal(scheduled.incident.status, 'scheduled');
      assert.match(scheduled.update.bodies.en, /Maintenance of Staking is scheduled from Nov 23, 2026, 02:00 UTC to Nov 23, 2026, 03:00 UTC/);
      assert.equal((await svc.getComponent(staking.id)).status, 'operational');
      clock.set('2026-11-23T02:00:00Z');
      await svc.postUpdate(scheduled.incident.id, { status: 'in_progress' }, commander);
      assert.equal((await svc.getComponent(staking.id)).status, 'under_maintenance');
      const upcoming = (await svc.statuspage('scheduled-maintenances/active', 'en')) as { scheduled_maintenances: { id: string }[]; page: unknown };
      assert.ok(upcoming.scheduled_maintenances.some((m) => m.id === scheduled.incident.id));
      clock.set('2026-11-23T02:40:00Z');
      const done = await svc.resolve(scheduled.incident.id, {}, commander);
      assert.equal(done.incident.status, 'completed');
      assert.equal((await svc.getComponent(staking.id)).status, 'operational');
    });

    test('behavior: maintenance start and end notices go out on schedule, once', async () => {
      const clock = manualClock('2026-11-22T09:00:00Z');
      const svc = service(store, clock);
      const bridge = await svc.addComponent({ name: 'Bridges' });
      const m = await svc.scheduleMaintenance({ title: 'Bridge relayer upgrade', scheduledFor: '2026-11-28T01:00:00Z', scheduledUntil: '2026-11-28T02:00:00Z', componentIds: [bridge.id] }, commander);
      assert.equal(await svc.runMaintenanceNotices('worker-a'), 0, 'nothing is due yet');
      clock.set('2026-11-28T01:00:30Z');
      const [a, b] = await Promise.all([svc.runMaintenanceNotices('worker-a'), svc.runMaintenanceNotices('worker-b')]);
      assert.equal(a + b, 1, 'the start notice went out exactly once');
      assert.equal((await svc.get(m.incident.id)).incident.status, 'in_progress');
      assert.equal((await svc.getComponent(bridge.id)).status, 'under_maintenance');
      clock.set('2026-11-28T02:00:00Z');
      assert.equal(await svc.runMaintenanceNotices('worker-a'), 1);
      const done = await svc.get(m.incident.id);
      assert.equal(done.incident.status, 'completed');
      assert.deepEqual(done.updates.map((u) => u.status), ['completed', 'in_progress', 'scheduled']);
      assert.ok(done.timeline.some((t) => t.actorName === 'OpsDesk' && t.kind === 'status'));
      assert.equal((await svc.getComponent(bridge.id)).status, 'operational');
    });

    test('behavior: mirroring a provider summary creates, then updates, third-party components and logs to coordinating incidents', async () => {
      const clock = manualClock('2026-11-24T08:00:00Z');
      const svc = service(store, clock);
      const summary = (status: string) => ({
        page: { id: 'abc', name: 'CardCo', url: 'https://status.cardco.example', time_zone: 'Etc/UTC', updated_at: '2026-11-24T08:00:00Z' },
        status: { indicator: 'none', description: 'All Systems Operational' },
        components: [
          { id: 'grp1', name: 'APIs', status: 'operational', group: true, group_id: null },
          { id: 'c-auth', name: 'Authorizations', status, group: false, group_id: 'grp1' },
          { id: 'c-3ds', name: '3-D Secure', status: 'operational', group: false, group_id: 'grp1' },
        ],
        incidents: [],
        scheduled_maintenances: [],
      });
      const first = await svc.mirrorProviderSummary('cardco', summary('operational'));
      assert.equal(first.created, 2);
      const incident = await svc.declare({ title: 'Card declines', severity: 'SEV2' }, commander);
      await svc.logProvider(incident.id, { provider: 'cardco', direction: 'reported', text: 'Elevated declines on BIN 4000', reference: 'CC-77' }, commander);
      clock.advance(60_000);
      const second = await svc.mirrorProviderSummary('cardco', summary('major_outage'));
      assert.deepEqual(second.changed.map((c) => [c.name, c.from, c.to]), [['Authorizations', 'operational', 'major_outage']]);
      assert.equal(second.unchanged, 1);
      const log = (await svc.providerLog(incident.id)).cardco!;
      assert.equal(log.at(-1)!.direction, 'status_page');
      assert.match(log.at(-1)!.text, /Authorizations: operational → major_outage/);
      const comps = await svc.listComponents();
      const mirrored = comps.filter((c) => c.provider === 'cardco');
      assert.equal(mirrored.length, 3);
      assert.equal(mirrored.find((c) => c.group)?.name, 'CardCo');
    });

    test('error: an update that asks for a seed phrase, a wallet verification or links elsewhere is refused', async () => {
      const clock = manualClock('2026-11-25T08:00:00Z');
      const svc = service(store, clock);
      const incident = await svc.declare({ title: 'Balances not loading', severity: 'SEV3' }, commander);
      const attempts = [
        { en: 'To restore access, reply with your 12-word recovery phrase.' },
        { es: 'Verifica tu billetera en el enlace para recuperar tus fondos.' },
        { 'pt-BR': 'Informe sua chave privada ao suporte.' },
        { en: 'Please validate your wallet at https://wallet-support.example.net/fix' },
      ];
      for (const text of attempts) {
        await assert.rejects(svc.postUpdate(incident.id, { status: 'investigating', text }, comms), (err: unknown) => err instanceof UpdateImpersonationRiskError && err.code === 'VALIDATION');
      }
      const ok = await svc.postUpdate(incident.id, { status: 'investigating', text: { en: 'Balances load slowly. We will never ask for your recovery phrase. Status: https://help.wallet.example/balances' } }, comms);
      assert.equal(ok.update.status, 'investigating');
      assert.equal((await svc.get(incident.id)).updates.length, 1, 'refused updates left nothing behind');
      assert.deepEqual(ok.ticketReplies, { sent: 0, failed: 0, skipped: 0, wired: false });
    });

    test('error: two people resolving at once post one resolution; the other gets a conflict', async () => {
      const clock = manualClock('2026-11-26T09:00:00Z');
      const svc = service(store, clock);
      const incident = await svc.declare({ title: 'Staking rewards delayed', severity: 'SEV3' }, commander);
      await svc.postUpdate(incident.id, { status: 'monitoring' }, comms);
      clock.advance(60_000);
      const outcomes = await Promise.allSettled([svc.resolve(incident.id, {}, commander), svc.resolve(incident.id, {}, comms)]);
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
      const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      assert.equal((failed.reason as { code: string }).code, 'CONFLICT');
      assert.deepEqual((await svc.get(incident.id)).updates.map((u) => u.status), ['resolved', 'monitoring']);
    });

    test('error: a resolved incident takes no more updates; unknown ids and bad provider payloads are clear errors', async () => {
      const clock = manualClock('2026-11-26T08:00:00Z');
      const svc = service(store, clock);
      const incident = await svc.declare({ title: 'Buy flow errors', severity: 'SEV4' }, commander);
      await assert.rejects(svc.postUpdate(incident.id, { status: 'scheduled' }, comms), /cannot go from investigating to scheduled/);
      await svc.resolve(incident.id, {}, commander);
      await assert.rejects(svc.postUpdate(incident.id, { status: 'monitoring' }, comms), IncidentResolvedError);
      await assert.rejects(svc.get('inc_missing'), IncidentNotFoundError);
      await assert.rejects(svc.declareFromStoredAlert('alt_missing', commander), /alt_missing/);
      await assert.rejects(svc.mirrorProviderSummary('x', { components: 'nope' }), ProviderSummaryInvalidError);
      await assert.rejects(svc.declare({ title: 'x', severity: 'SEV9' as never }, commander), /Invalid incident/);
    });
  });
}
