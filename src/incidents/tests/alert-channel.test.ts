import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { manualClock, ValidationError } from '../../core/index.ts';
import { addChannel, createMonitorDeps, listAlertEvents, raiseAlert, resolveAlert, type MonitorDeps } from '../../monitor/index.ts';
import { openTestApp, type TestApp } from '../../../test/http.ts';
import { engines } from '../../../test/stores.ts';
import { alertIncidentHooks } from '../index.ts';

const bscSpike = { source: 'probe', title: 'RPC error rate above 5% on BSC', summary: '12% of eth_call requests to the BSC RPC pool failed in 5 minutes.', severity: 'critical', series: 'rpc_errors{chain="bsc"}', labels: { chain: 'bsc' } } as const;

for (const { name: engine } of engines) {
  describe(`incident alert channel [${engine}]`, () => {
    let t: TestApp;
    const clock = manualClock('2026-11-27T10:00:00Z');
    // Two replicas: two monitor deps (and incidents hooks) on one database.
    let a: MonitorDeps;
    let b: MonitorDeps;
    before(async () => {
      t = await openTestApp({ engine: engine as 'sqlite' | 'postgres', clock });
      const { runtime } = t;
      a = createMonitorDeps(runtime.store, runtime.clock, runtime.config, alertIncidentHooks(runtime.incidents.deps));
      b = createMonitorDeps(runtime.store, runtime.clock, runtime.config, alertIncidentHooks(runtime.incidents.deps));
    });
    after(async () => t.close());

    const incidentsOf = async (alertIds: string[]) => {
      const rows = await t.runtime.store.db.selectFrom('incident_links').select('incident_id').where('kind', '=', 'alert').where('ref_id', 'in', alertIds).execute();
      return [...new Set(rows.map((r) => r.incident_id))];
    };

    test('the channels API adds an incident channel with its options', async () => {
      const token = await t.tokenFor('engineer');
      const res = await t.request('/api/monitor/channels', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'api-incidents', kind: 'incident', minSeverity: 'critical', matchers: { chain: 'none' }, options: { publish: true } }) });
      assert.equal(res.status, 201, await res.clone().text());
      const body = (await res.json()) as { id: string; kind: string; options: { publish: boolean; resolveIncident: boolean } };
      assert.equal(body.kind, 'incident');
      assert.deepEqual([body.options.publish, body.options.resolveIncident], [true, false]);
      const bad = await t.request('/api/monitor/channels', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', kind: 'incident', options: { publish: 'yes' } }) });
      assert.equal(bad.status, 400);
      await t.runtime.store.db.deleteFrom('monitor_channels').where('id', '=', body.id).execute();
    });

    test('options are validated by the channel schema', async () => {
      await assert.rejects(addChannel(a, { name: 'bad', kind: 'incident', options: { publish: 'yes' } as never }), ValidationError);
      await assert.rejects(addChannel(a, { name: 'bad', kind: 'incident', options: { components: [{ id: 'x', status: 'broken' }] } as never }), ValidationError);
      await assert.rejects(addChannel(a, { name: 'bad', kind: 'webhook', target: 'https://hooks.example.test/x', options: { publish: true } }), ValidationError);
    });

    test('a fired alert opens one internal incident; re-firing and a second replica link to it; resolving adds a timeline entry', async () => {
      const channel = await addChannel(a, { name: 'incidents-internal', kind: 'incident', minSeverity: 'page', matchers: { chain: 'bsc' } });
      assert.equal(channel.options?.publish, false);

      // Below the channel's severity floor: no incident.
      const low = await raiseAlert(a, { ...bscSpike, severity: 'warning', series: 'rpc_latency{chain="bsc"}' });
      assert.deepEqual(await incidentsOf([low.alert.id]), []);

      const fired = await raiseAlert(a, bscSpike);
      assert.equal(fired.deliveries.find((d) => d.channel === 'incidents-internal')?.ok, true);
      const [incidentId, ...more] = await incidentsOf([fired.alert.id]);
      assert.ok(incidentId);
      assert.deepEqual(more, []);
      const incident = (await t.runtime.incidents.get(incidentId)).incident;
      assert.equal(incident.title, bscSpike.title);
      assert.equal(incident.summary, bscSpike.summary);
      assert.equal(incident.severity, 'SEV1');
      assert.equal(incident.published, false);
      assert.deepEqual((await t.runtime.incidents.links(incidentId)).map((l) => [l.kind, l.refId]), [['alert', fired.alert.id]]);
      assert.ok((await listAlertEvents(a, fired.alert.id)).some((e) => e.kind === 'notified' && e.detail?.includes(`incident ${incidentId} opened`)));

      // Fires again on this replica and on another one: folded into the open alert, no second incident.
      await raiseAlert(a, bscSpike);
      await raiseAlert(b, bscSpike);
      const count = async () => Number((await t.runtime.store.db.selectFrom('incidents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
      assert.equal(await count(), 1);

      clock.advance(60_000);
      await resolveAlert(b, fired.alert.id, 'usr_oncall');
      const timeline = await t.runtime.incidents.timeline(incidentId);
      assert.ok(timeline.some((e) => e.kind === 'note' && e.text.includes(`Alert ${fired.alert.id} resolved`)), JSON.stringify(timeline.map((e) => e.text)));
      assert.equal(((await t.runtime.incidents.get(incidentId)).incident).status, 'investigating');

      // It fires again (reopens) while the incident is open: linked, still one incident.
      clock.advance(60_000);
      const again = await raiseAlert(b, bscSpike);
      assert.equal(again.action, 'reopened');
      assert.equal(await count(), 1);
      assert.ok((await listAlertEvents(a, fired.alert.id)).some((e) => e.kind === 'notified' && e.detail?.includes(`incident ${incidentId} linked`)));
      await resolveAlert(a, fired.alert.id, null);

      // Two replicas raise a new condition at the same moment: one alert, one incident.
      const eth = { ...bscSpike, title: 'RPC error rate above 5% on BSC archive', series: 'rpc_errors{chain="bsc",pool="archive"}', labels: { chain: 'bsc', pool: 'archive' } };
      const [ra, rb] = await Promise.all([raiseAlert(a, eth), raiseAlert(b, eth)]);
      assert.equal(ra.alert.id, rb.alert.id);
      assert.equal((await incidentsOf([ra.alert.id])).length, 1);
      assert.equal(await count(), 2);
      await t.runtime.store.db.deleteFrom('monitor_channels').where('id', '=', channel.id).execute();
    });

    test('a published incident channel puts the incident and its components on the public status page and resolves it with the alert', async () => {
      const rpc = await t.runtime.incidents.addComponent({ name: 'BSC RPC' });
      await addChannel(a, { name: 'incidents-public', kind: 'incident', minSeverity: 'page', matchers: { chain: 'polygon' }, options: { publish: true, components: [{ id: rpc.id, status: 'degraded_performance' }], severity: { critical: 'SEV2' }, resolveIncident: true } });
      clock.advance(3_600_000);
      const fired = await raiseAlert(b, { ...bscSpike, title: 'RPC error rate above 5% on Polygon', series: 'rpc_errors{chain="polygon"}', labels: { chain: 'polygon' } });
      const [incidentId] = await incidentsOf([fired.alert.id]);
      assert.ok(incidentId);
      assert.equal(((await t.runtime.incidents.get(incidentId)).incident).severity, 'SEV2');
      const res = await t.request('/api/v2/incidents/unresolved.json');
      assert.equal(res.status, 200);
      const doc = (await res.json()) as { incidents: { id: string; name: string; components: { id: string; status: string }[] }[] };
      const listed = doc.incidents.find((i) => i.id === incidentId);
      assert.ok(listed, JSON.stringify(doc));
      assert.equal(listed.name, 'RPC error rate above 5% on Polygon');
      assert.deepEqual(listed.components.map((c) => [c.id, c.status]), [[rpc.id, 'degraded_performance']]);

      clock.advance(600_000);
      await resolveAlert(a, fired.alert.id, null, 'error rate back under 1%');
      const incident = (await t.runtime.incidents.get(incidentId)).incident;
      assert.equal(incident.status, 'resolved');
      assert.equal((await t.runtime.incidents.getComponent(rpc.id)).status, 'operational');

      // It fires again soon after, seen by two replicas at the same moment: one reopens it and opens
      // one new incident, the other folds into the reopened alert without notifying again.
      clock.advance(60_000);
      const polygon = { ...bscSpike, title: 'RPC error rate above 5% on Polygon', series: 'rpc_errors{chain="polygon"}', labels: { chain: 'polygon' } };
      const results = await Promise.all([raiseAlert(a, polygon), raiseAlert(b, polygon)]);
      assert.deepEqual(results.map((r) => r.action).sort(), ['deduplicated', 'reopened']);
      assert.deepEqual(results.map((r) => r.alert.id), [fired.alert.id, fired.alert.id]);
      assert.equal(results.find((r) => r.action === 'deduplicated')!.deliveries.length, 0);
      const incidents = await incidentsOf([fired.alert.id]);
      assert.equal(incidents.length, 2, 'the resolved incident and one new one');
      assert.equal((await listAlertEvents(a, fired.alert.id)).filter((e) => e.kind === 'reopened').length, 1);
    });
  });
}
