import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { manualClock, type ManualClock } from '../../core/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import { startReceivers, type Receivers } from '../../../test/receivers.ts';
import { engines } from '../../../test/stores.ts';
import {
  acknowledgeAlert,
  addChannel,
  createAlertMailer,
  createSilence,
  expireSilence,
  getAlert,
  listAlertEvents,
  listAlerts,
  listChannels,
  raiseAlert,
  resolveAlert,
  clearAlert,
  type MonitorDeps,
} from '../index.ts';

const monitorConfig = { flapWindowSec: 900, flapMaxReopens: 3, notifyTimeoutMs: 2000, emailFrom: 'OpsDesk Alerts <alerts@opsdesk.test>' };
const latency = { source: 'detector', title: 'p95 of /v1/swap on polygon is 2.9 s', summary: '6.1× its usual 470 ms for this hour; started 10:42', severity: 'page' as const, series: 'p95 /v1/swap', labels: { chain: 'polygon', route: '/v1/swap' } };

for (const engine of engines) {
  describe(`monitor alerts [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    let rx: Receivers;
    before(async () => {
      ({ store, cleanup } = await engine.open());
      rx = await startReceivers();
    });
    after(async () => {
      await rx.stop();
      await cleanup();
    });

    function deps(clock: ManualClock): MonitorDeps {
      const mailer = createAlertMailer(rx.smtp, monitorConfig.emailFrom)!;
      return { store, clock, config: monitorConfig, mailer };
    }

    test('an alert fires once to every channel, and repeats fold into it', async () => {
      const clock = manualClock('2026-11-27T10:42:00Z');
      const d = deps(clock);
      await addChannel(d, { name: 'ops-webhook', kind: 'webhook', target: `${rx.url}/hook`, matchers: { chain: 'polygon' } });
      await addChannel(d, { name: 'ops-slack', kind: 'slack', target: `${rx.url}/slack/T000/B000/secret` });
      await addChannel(d, { name: 'oncall-mail', kind: 'email', target: 'oncall@wallet.test', minSeverity: 'page' });
      const first = await raiseAlert(d, latency);
      assert.equal(first.action, 'created');
      assert.deepEqual(first.deliveries.map((x) => [x.channel, x.ok]).sort(), [['ops-slack', true], ['ops-webhook', true], ['oncall-mail', true]].sort());
      const hook = rx.hooks.find((h) => h.path === '/hook')!;
      assert.equal(hook.body.event, 'alert.firing');
      assert.equal((hook.body.alert as { id: string }).id, first.alert.id);
      const slack = rx.hooks.find((h) => h.path.startsWith('/slack'))!;
      assert.equal(slack.body.text, '[FIRING] [PAGE] p95 of /v1/swap on polygon is 2.9 s — 6.1× its usual 470 ms for this hour; started 10:42');
      assert.equal(rx.mails.length, 1);
      assert.equal(rx.mails[0]!.subject, '[OpsDesk PAGE] p95 of /v1/swap on polygon is 2.9 s');
      assert.match(rx.mails[0]!.text ?? '', /route: \/v1\/swap/);

      clock.advance(60_000);
      const again = await raiseAlert(d, { ...latency, title: 'p95 of /v1/swap on polygon is 3.1 s' });
      assert.equal(again.action, 'deduplicated');
      assert.equal(again.alert.id, first.alert.id);
      assert.equal(again.alert.occurrences, 2);
      assert.equal(again.deliveries.length, 0);
      assert.equal(rx.hooks.length, 2);
      const listed = await listChannels(d);
      assert.equal(listed.find((c) => c.name === 'ops-slack')!.target, `${rx.url}/…`);
    });

    test('behavior: acknowledge, then resolve; the resolution is announced and the next report opens a new alert later', async () => {
      const clock = manualClock('2026-11-27T11:00:00Z');
      const d = deps(clock);
      const input = { ...latency, labels: { chain: 'bsc', route: '/v1/send' } };
      const { alert } = await raiseAlert(d, input);
      const acked = await acknowledgeAlert(d, alert.id, 'usr_lead');
      assert.equal(acked.status, 'acknowledged');
      assert.equal(acked.acknowledgedBy, 'usr_lead');
      const sent = rx.hooks.length;
      const { alert: done, deliveries } = await resolveAlert(d, alert.id, 'usr_lead', 'provider fixed it');
      assert.equal(done.status, 'resolved');
      assert.ok(deliveries.length >= 1);
      assert.match((rx.hooks.at(-1)!.body as { text: string }).text, /^\[RESOLVED\] \[PAGE\] /);
      assert.ok(rx.hooks.length > sent);
      assert.deepEqual((await listAlertEvents(d, alert.id)).map((e) => e.kind).filter((k) => k !== 'notified'), ['fired', 'acknowledged', 'resolved']);
      clock.advance(3600_000);
      const later = await raiseAlert(d, input);
      assert.equal(later.action, 'created');
      assert.notEqual(later.alert.id, alert.id);
      assert.equal((await clearAlert(d, later.alert.fingerprint))?.status, 'resolved');
    });

    test('behavior: an alert that keeps coming back is reopened, then held as flapping', async () => {
      const clock = manualClock('2026-11-27T12:00:00Z');
      const d = deps(clock);
      const input = { source: 'probe', title: 'RPC lag on arbitrum', severity: 'warning' as const, series: 'rpc lag arbitrum', labels: { chain: 'arbitrum' } };
      const first = await raiseAlert(d, input);
      const held: Array<string | null> = [];
      for (let i = 0; i < 3; i++) {
        clock.advance(60_000);
        await clearAlert(d, first.alert.fingerprint);
        clock.advance(120_000);
        const r = await raiseAlert(d, input);
        assert.equal(r.action, 'reopened');
        assert.equal(r.alert.id, first.alert.id);
        held.push(r.held);
      }
      assert.deepEqual(held, [null, null, 'flapping']);
      const alert = await getAlert(d, first.alert.id);
      assert.equal(alert.flapping, true);
      assert.equal(alert.reopenCount, 3);
    });

    test('behavior: silences and maintenance windows hold notifications while active', async () => {
      const clock = manualClock('2026-11-27T13:00:00Z');
      const d = deps(clock);
      const maintenance = await createSilence(d, { kind: 'maintenance', matchers: { chain: 'sol*' }, endsAt: '2026-11-27T14:00:00Z', reason: 'validator upgrade' }, 'usr_lead');
      const input = { source: 'probe', title: 'Solana RPC stalled', severity: 'critical' as const, labels: { chain: 'solana' } };
      const r = await raiseAlert(d, input);
      assert.equal(r.held, 'silenced');
      assert.equal(r.alert.silencedBy, maintenance.id);
      assert.equal(r.deliveries.length, 0);
      await clearAlert(d, r.alert.fingerprint);
      await expireSilence(d, maintenance.id);
      clock.advance(3600_000);
      const after = await raiseAlert(d, input);
      assert.equal(after.held, null);
      assert.equal(after.alert.silencedBy, null);
    });

    test('behavior: concurrent reports of one condition make one alert', async () => {
      const clock = manualClock('2026-11-27T15:00:00Z');
      const d = deps(clock);
      const input = { source: 'slo', title: 'swap availability burning 15×', severity: 'ticket' as const, series: 'slo swap', labels: {} };
      const results = await Promise.all(Array.from({ length: 6 }, () => raiseAlert(d, input)));
      assert.equal(new Set(results.map((r) => r.alert.id)).size, 1);
      assert.equal(results.filter((r) => r.action === 'created').length, 1);
      const page = await listAlerts(d, { source: 'slo', status: 'open' });
      assert.equal(page.items.length, 1);
    });

    test('behavior: a channel that fails is recorded on the alert, which is stored anyway', async () => {
      const clock = manualClock('2026-11-27T16:00:00Z');
      const d = deps(clock);
      await addChannel(d, { name: 'broken-hook', kind: 'webhook', target: `${rx.url}/broken`, matchers: { team: 'payments' } });
      const r = await raiseAlert(d, { source: 'detector', title: 'card declines up', severity: 'warning', labels: { team: 'payments' } });
      const failed = r.deliveries.find((x) => x.channel === 'broken-hook')!;
      assert.equal(failed.ok, false);
      assert.match(failed.error!, /^Channel broken-hook: http:\/\/127\.0\.0\.1:\d+\/broken answered HTTP 500\.$/);
      const events = await listAlertEvents(d, r.alert.id);
      assert.ok(events.some((e) => e.kind === 'notify_failed' && e.detail?.startsWith('firing → broken-hook')));
    });

    test('error: unknown alerts, resolving twice and bad channels are refused', async () => {
      const clock = manualClock('2026-11-27T17:00:00Z');
      const d = deps(clock);
      await assert.rejects(acknowledgeAlert(d, 'alr_missing', null), (e: Error) => e.message.startsWith('No alert alr_missing.'));
      const { alert } = await raiseAlert(d, { source: 'detector', title: 'x', labels: { k: 'once' } });
      await resolveAlert(d, alert.id, null);
      await assert.rejects(resolveAlert(d, alert.id, null), (e: Error) => e.message.startsWith(`Alert ${alert.id} is resolved and cannot be resolved again.`));
      await assert.rejects(acknowledgeAlert(d, alert.id, null), /cannot be acknowledged/);
      await assert.rejects(addChannel(d, { name: 'm', kind: 'email', target: 'not-an-address' }), /Not an e-mail address: not-an-address\./);
      await assert.rejects(addChannel(d, { name: 'w', kind: 'webhook', target: 'ftp://example.test' }), /needs an http\(s\) URL/);
      await assert.rejects(createSilence(d, { matchers: {}, endsAt: '2026-11-28T00:00:00Z', reason: 'all' }, null), /Invalid silence/);
    });
  });
}
