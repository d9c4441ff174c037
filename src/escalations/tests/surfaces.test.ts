import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openTestApp, type TestApp } from '../../../test/http.ts';
import { tempDir } from '../../../test/tmp.ts';
import { silentLogger } from '../../core/index.ts';
import { openStore } from '../../storage/index.ts';
import { fromApiBody, ingestTicket, openTriager } from '../../tickets/index.ts';
import { startChainWorld, type ChainWorld } from './harness.ts';
import { startTracker, type Tracker } from './tracker-server.ts';

let world: ChainWorld;
let tracker: Tracker;
let app: TestApp;
let hash: string;

before(async () => {
  [world, tracker] = await Promise.all([startChainWorld(), startTracker()]);
  hash = await world.transfer(1, world.accounts[2]!, '3');
  const local = world.chains.registry.get('local');
  app = await openTestApp({
    config: {
      chains: { includeBuiltins: false, custom: [{ ...local }], timeoutMs: 5000, retries: 0 },
      escalations: { githubBaseUrl: tracker.url, githubRepo: 'acme/wallet', githubToken: 'gh-token' },
    },
  });
});

after(async () => {
  await app?.close();
  await world?.stop();
  await new Promise<void>((r) => (tracker ? tracker.server.close(() => r()) : r()));
});

test('HTTP: an agent builds, reads, edits and exports a report; an engineer sends it to GitHub and the link shows on the ticket', async () => {
  const agent = { authorization: `Bearer ${await app.tokenFor('agent')}`, 'content-type': 'application/json' };
  const engineer = { authorization: `Bearer ${await app.tokenFor('engineer')}`, 'content-type': 'application/json' };
  const created = await app.request('/api/tickets', { method: 'POST', headers: agent, body: JSON.stringify({ externalId: 'h-1', requester: 'eva@example.com', subject: 'USDT send failed', body: `My USDT transfer failed: ${hash}`, platform: 'ios', appVersion: '7.4.1' }) });
  assert.equal(created.status, 201, await created.clone().text());
  const { ticketId } = (await created.json()) as { ticketId: string };

  const res = await app.request('/api/escalations', { method: 'POST', headers: agent, body: JSON.stringify({ ticketId }) });
  assert.equal(res.status, 201, await res.clone().text());
  const e = (await res.json()) as { id: string; report: { evidence: { findings: Array<{ code: string }> } } };
  assert.equal(e.report.evidence.findings[0]!.code, 'evm.failed.insufficient_token_balance');

  const md = await app.request(`/api/escalations/${e.id}/markdown`, { headers: agent });
  assert.equal(md.headers.get('content-type'), 'text/markdown; charset=utf-8');
  assert.match(await md.text(), /## Steps to reproduce/);
  const patched = await app.request(`/api/escalations/${e.id}`, { method: 'PATCH', headers: agent, body: JSON.stringify({ title: 'Send offers unconfirmed USDT on iOS 7.4.1' }) });
  assert.equal(((await patched.json()) as { title: string }).title, 'Send offers unconfirmed USDT on iOS 7.4.1');
  const payload = (await (await app.request(`/api/escalations/${e.id}/export/jira`, { headers: agent })).json()) as { tracker: string; body: { fields: { description: { type: string } } } };
  assert.deepEqual([payload.tracker, payload.body.fields.description.type], ['jira', 'doc']);

  assert.equal((await app.request(`/api/escalations/${e.id}/send`, { method: 'POST', headers: agent, body: '{"tracker":"github"}' })).status, 403);
  const sent = await app.request(`/api/escalations/${e.id}/send`, { method: 'POST', headers: engineer, body: '{"tracker":"github"}' });
  assert.equal(sent.status, 201, await sent.clone().text());
  const onTicket = (await (await app.request(`/api/tickets/${ticketId}/escalations`, { headers: agent })).json()) as { items: Array<{ id: string; issues: Array<{ key: string }> }> };
  assert.deepEqual(onTicket.items.map((i) => [i.id, i.issues.map((x) => x.key)]), [[e.id, ['acme/wallet#42']]]);
});

test('error: HTTP refuses two sources at once, an unknown tracker and an unknown escalation', async () => {
  const agent = { authorization: `Bearer ${await app.tokenFor('agent')}`, 'content-type': 'application/json' };
  const both = await app.request('/api/escalations', { method: 'POST', headers: agent, body: JSON.stringify({ ticketId: 'a', incidentId: 'b' }) });
  assert.equal(both.status, 400);
  assert.equal((await app.request('/api/escalations/esc_nope/export/trello', { headers: agent })).status, 400);
  assert.equal((await app.request('/api/escalations/esc_nope', { headers: agent })).status, 404);
});

test('CLI: escalation create, show --format md|json and export --to (payload when no token is configured)', async () => {
  const data = tempDir('opsdesk-esc-cli-');
  try {
    const store = await openStore({ dataDir: data.dir });
    const triager = await openTriager({ dataDir: data.dir });
    const { ticketId } = await ingestTicket({ db: store.db, triager, logger: silentLogger }, fromApiBody({ externalId: 'c-1', requester: 'fer@example.com', subject: 'app crashes on swap screen', body: 'The app crashes every time I open the swap screen on Android 14, version 7.4.0.', platform: 'android', appVersion: '7.4.0' }));
    await store.close();
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('OPSDESK_')) env[k] = v;
    const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'opsdesk.js'), '--data-dir', data.dir, ...args], { cwd: root, env: { ...env, OPSDESK_LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 120_000 });
    const created = run('escalation', 'create', '--ticket', ticketId, '--json');
    assert.equal(created.status, 0, created.stderr);
    const { id } = JSON.parse(created.stdout) as { id: string };
    const md = run('escalation', 'show', id, '--format', 'md');
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /^# /);
    assert.match(md.stdout, /## Expected behaviour/);
    assert.equal((JSON.parse(run('escalation', 'show', id, '--format', 'json').stdout) as { id: string }).id, id);
    const exp = run('escalation', 'export', id, '--to', 'linear');
    assert.equal(exp.status, 0, exp.stderr);
    assert.match(exp.stderr, /linear is not configured/);
    assert.match((JSON.parse(exp.stdout) as { body: { query: string } }).body.query, /issueCreate/);
    const none = run('escalation', 'create');
    assert.notEqual(none.status, 0);
    assert.match(none.stderr, /exactly one of --ticket, --cluster or --incident/);
    const missing = run('escalation', 'show', 'esc_nope');
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /Escalation esc_nope does not exist/);
  } finally {
    data.remove();
  }
});
