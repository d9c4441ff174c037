import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { manualClock } from '../../core/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import { listAlerts, pollProviderStatus, type MonitorDeps } from '../index.ts';

const summary = (rpc: string, incident?: string) => ({
  page: { id: 'p1', name: 'Infura', url: 'https://status.example.test', time_zone: 'Etc/UTC', updated_at: '2026-11-27T10:00:00Z' },
  status: { indicator: rpc === 'operational' ? 'none' : 'major', description: rpc === 'operational' ? 'All Systems Operational' : 'Major Service Outage' },
  components: [
    { id: 'grp', name: 'APIs', status: 'operational', group: true, components: ['c1', 'c2'] },
    { id: 'c1', name: 'Ethereum Mainnet RPC', status: rpc, group: false },
    { id: 'c2', name: 'Polygon RPC', status: 'operational', group: false },
  ],
  incidents: incident ? [{ id: 'i1', name: incident, status: 'investigating', impact: 'major' }] : [],
  scheduled_maintenances: [],
});

for (const engine of engines) {
  describe(`provider status pages [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    let server: Server;
    let url = '';
    let current: unknown = summary('operational');
    before(async () => {
      ({ store, cleanup } = await engine.open());
      server = createServer((req, res) => {
        if (req.url === '/api/v2/summary.json') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(current));
        else res.writeHead(404).end();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await cleanup();
    });

    test('a component going down raises an alert with the provider’s own words; coming back resolves it', async () => {
      const clock = manualClock('2026-11-27T10:00:00Z');
      const deps: MonitorDeps = { store, clock, config: { flapWindowSec: 900, flapMaxReopens: 3, notifyTimeoutMs: 2000, emailFrom: 'a@b.test' } };
      const first = await pollProviderStatus(deps, 'infura', `${url}/api/v2/summary.json`);
      assert.deepEqual(first.changes, []);
      current = summary('major_outage', 'Elevated error rates on Ethereum');
      clock.advance(60_000);
      const down = await pollProviderStatus(deps, 'infura', `${url}/api/v2/summary.json`);
      assert.deepEqual(down.changes, [{ componentId: 'c1', name: 'Ethereum Mainnet RPC', from: 'operational', to: 'major_outage' }]);
      const alert = down.alerts[0]!.alert;
      assert.equal(alert.severity, 'page');
      assert.equal(alert.title, 'infura: Ethereum Mainnet RPC is major outage');
      assert.equal(alert.summary, 'infura reports Ethereum Mainnet RPC went from operational to major outage (Major Service Outage); their incident: "Elevated error rates on Ethereum" (investigating).');
      clock.advance(60_000);
      assert.deepEqual((await pollProviderStatus(deps, 'infura', `${url}/api/v2/summary.json`)).changes, []);
      current = summary('operational');
      clock.advance(60_000);
      const back = await pollProviderStatus(deps, 'infura', `${url}/api/v2/summary.json`);
      assert.equal(back.changes[0]!.to, 'operational');
      const all = await listAlerts(deps, { source: 'statuspage' });
      assert.deepEqual(all.items.map((a) => a.status), ['resolved']);
    });

    test('error: a page that is not in the summary.json format is refused', async () => {
      const deps: MonitorDeps = { store, clock: manualClock(), config: { flapWindowSec: 900, flapMaxReopens: 3, notifyTimeoutMs: 2000, emailFrom: 'a@b.test' } };
      await assert.rejects(pollProviderStatus(deps, 'other', `${url}/nope.json`), (e: Error) => e.message.startsWith(`The status page of other (${url}/nope.json) could not be read: HTTP 404.`));
    });
  });
}
