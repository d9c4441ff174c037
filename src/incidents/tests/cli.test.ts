import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runOpsdesk } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';

test('incident and status component commands run a whole incident from a terminal with --json', async () => {
  const { dir, remove } = tempDir('opsdesk-inc-cli-');
  const run = async (...args: string[]) => {
    const res = await runOpsdesk(['--data-dir', dir, '--json', ...args]);
    assert.equal(res.code, 0, `${args.join(' ')}: ${res.stderr}`);
    return JSON.parse(res.stdout) as Record<string, unknown>;
  };
  try {
    const group = await run('status', 'component', 'add', 'Wallet', '--group');
    const swaps = await run('status', 'component', 'add', 'Swaps', '--group-id', String(group.id), '--description', 'Swaps on every chain');
    const list = (await runOpsdesk(['--data-dir', dir, 'status', 'component', 'list'])).stdout;
    assert.match(list, /\[Wallet\]/);
    assert.match(list, /operational\s+Swaps/);

    const alertFile = join(dir, 'alert.json');
    writeFileSync(alertFile, JSON.stringify({ id: 'alt_1', fingerprint: 'fp', title: 'Swap quote errors on Polygon', severity: 'high', status: 'firing' }));
    const fromAlert = await run('incident', 'declare', '--alert-json', alertFile, '--affected', 'polygon:swap::', '--link', 'ticket:tkt_9', '--comms', 'bruno', '--as', 'ana');
    assert.equal(fromAlert.severity, 'SEV2');
    assert.deepEqual(fromAlert.roles, { commander: 'ana (cli)', comms: 'bruno', scribe: null });

    const incident = await run('incident', 'declare', '--title', 'Card top-ups failing', '--severity', 'SEV3', '--source', 'cluster:cls_7', '--affected', '*:card:android:9.2.0', '--as', 'ana');
    assert.deepEqual(incident.source, { type: 'cluster', id: 'cls_7' });
    const updated = await run('incident', 'update', String(incident.id), '--status', 'identified', '--component', `${String(swaps.id)}=degraded_performance`, '--workaround', 'Top up by bank transfer.', '--next-update', '+30m', '--text-es', 'Las recargas con tarjeta fallan; usa transferencia.');
    const update = updated.update as { bodies: Record<string, string>; status: string };
    assert.equal(update.status, 'identified');
    assert.match(update.bodies.en!, /Workaround: Top up by bank transfer\./);
    assert.match(update.bodies.en!, /Next update by /);
    assert.equal(update.bodies.es, 'Las recargas con tarjeta fallan; usa transferencia.');

    const open = await run('incident', 'list', '--open');
    assert.equal((open.items as unknown[]).length, 2);
    const resolved = await run('incident', 'resolve', String(incident.id), '--error-ratio', '0.5', '--users', '320');
    assert.equal((resolved.incident as { status: string }).status, 'resolved');
    const human = await runOpsdesk(['--data-dir', dir, 'incident', 'list', '--closed']);
    assert.match(human.stdout, /SEV3\s+Resolved\s+Card top-ups failing/);

    const pm = await runOpsdesk(['--data-dir', dir, 'incident', 'postmortem', String(incident.id)]);
    assert.equal(pm.code, 0, pm.stderr);
    assert.match(pm.stdout, /^# Postmortem: Card top-ups failing/);
    assert.match(pm.stdout, /\| users affected \| 320 \|/);
    const edited = join(dir, 'pm.md');
    writeFileSync(edited, pm.stdout.replace('## Contributing factors', '## Contributing factors\n\n- Card processor rate limit lowered without notice.'));
    await run('incident', 'postmortem', String(incident.id), '--save', edited);
    const saved = await run('incident', 'postmortem', String(incident.id));
    assert.equal(saved.draft, false);
    assert.match(String(saved.markdown), /rate limit lowered without notice/);
  } finally {
    remove();
  }
});

test('error: bad input exits 2, an unknown incident exits 3, with one clear message', async () => {
  const { dir, remove } = tempDir('opsdesk-inc-cli-');
  try {
    const missing = await runOpsdesk(['--data-dir', dir, 'incident', 'update', 'inc_nope', '--status', 'identified']);
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /No incident with id inc_nope\./);
    const bad = await runOpsdesk(['--data-dir', dir, 'incident', 'declare', '--title', 'x y z', '--severity', 'SEV7']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Invalid incident\./);
    const cell = await runOpsdesk(['--data-dir', dir, 'incident', 'declare', '--title', 'Sends slow', '--severity', 'SEV3', '--affected', 'Ethereum:teleport']);
    assert.equal(cell.code, 2);
    assert.match(cell.stderr, /--affected "Ethereum:teleport" is not chain:feature:platform:version/);
  } finally {
    remove();
  }
});
