import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Config } from '../../core/index.ts';
import { openRuntime } from '../../main.ts';
import { addChannel, raiseAlert } from '../../monitor/index.ts';
import { runOpsdesk } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';

// Every surface that raises or resolves alerts uses the runtime's monitor dependencies, whose incident
// channels are wired; a CLI command once built its own without them and the channel failed.

test('opsdesk monitor resolve reaches the incident channel: the incident gets the resolution on its timeline', async () => {
  const tmp = tempDir('opsdesk-cli-incidents-');
  try {
    const config = Config.parse({ dataDir: tmp.dir });
    let runtime = await openRuntime(config);
    let alertId: string;
    let incidentId: string;
    try {
      await addChannel(runtime.monitor, { name: 'incidents', kind: 'incident', minSeverity: 'page' });
      const fired = await raiseAlert(runtime.monitor, { source: 'probe', title: 'BSC RPC pool failing', severity: 'critical', series: 'rpc_errors{chain="bsc"}', labels: { chain: 'bsc' } });
      assert.deepEqual(fired.deliveries, [{ channel: 'incidents', ok: true }]);
      alertId = fired.alert.id;
      const link = await runtime.store.db.selectFrom('incident_links').select('incident_id').where('kind', '=', 'alert').where('ref_id', '=', alertId).executeTakeFirstOrThrow();
      incidentId = link.incident_id;
    } finally {
      await runtime.close();
    }

    const res = await runOpsdesk(['--data-dir', tmp.dir, '--json', 'monitor', 'resolve', alertId, '--note', 'pool healthy again']);
    assert.equal(res.code, 0, res.stderr);
    assert.deepEqual((JSON.parse(res.stdout) as { deliveries: unknown[] }).deliveries, [{ channel: 'incidents', ok: true }]);

    runtime = await openRuntime(config);
    try {
      const timeline = await runtime.incidents.timeline(incidentId);
      assert.ok(timeline.some((e) => e.text.includes(`Alert ${alertId} resolved`)), JSON.stringify(timeline.map((e) => e.text)));
    } finally {
      await runtime.close();
    }
  } finally {
    tmp.remove();
  }
});
