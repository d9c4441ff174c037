import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { runOpsdesk, startServerProcess } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';

test('user and token commands work end to end with --json', async () => {
  const { dir, remove } = tempDir();
  try {
    const created = await runOpsdesk(['--data-dir', dir, '--json', 'user', 'create', 'lead@example.test', '--role', 'engineer', '--name', 'Lead']);
    assert.equal(created.code, 0, created.stderr);
    const user = JSON.parse(created.stdout) as { user: { email: string; role: string }; oneTimePassword: string };
    assert.equal(user.user.role, 'engineer');
    assert.ok(user.oneTimePassword.length >= 16);
    const list = await runOpsdesk(['--data-dir', dir, '--json', 'user', 'list']);
    assert.deepEqual((JSON.parse(list.stdout) as Array<{ email: string }>).map((u) => u.email), ['lead@example.test']);
    const token = JSON.parse((await runOpsdesk(['--data-dir', dir, '--json', 'token', 'create', 'collector', '--role', 'ingest'])).stdout) as { token: { id: string }; secret: string };
    assert.match(token.secret, /^ods_/);
    const revoke = await runOpsdesk(['--data-dir', dir, 'token', 'revoke', token.token.id]);
    assert.equal(revoke.code, 0);
    assert.match(revoke.stdout, /Revoked/);
    const disabled = await runOpsdesk(['--data-dir', dir, 'user', 'disable', 'lead@example.test']);
    assert.equal(disabled.code, 0);
  } finally {
    remove();
  }
});

test('serve answers /healthz and shows the sign-in page', async () => {
  const { dir, remove } = tempDir();
  const server = await startServerProcess(['--data-dir', dir]);
  try {
    assert.match(server.stderr(), /one-time password \S+/);
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    const page = await (await fetch(`${server.url}/`)).text();
    // The console bundle when built (web/dist), otherwise the plain sign-in form.
    assert.match(page, /<div id="root"><\/div>|<form id="login"/);
    assert.match(page, /<title>[^<]*OpsDesk<\/title>/);
  } finally {
    await server.stop();
    remove();
  }
});

test('error: a bad config file ends with one clear message and exit 2, no stack trace', async () => {
  const { dir, remove } = tempDir();
  try {
    const file = join(dir, 'opsdesk.config.json');
    writeFileSync(file, JSON.stringify({ server: { port: 'http' } }));
    const res = await runOpsdesk(['--config', file, 'user', 'list']);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /The configuration is invalid \(1 problem\)/);
    assert.match(res.stderr, /server\.port: /);
    assert.doesNotMatch(res.stderr, /\n\s+at /);
    const debug = await runOpsdesk(['--config', file, '--log-level', 'debug', 'user', 'list']);
    assert.match(debug.stderr, /\n\s+at /, 'debug shows the stack');
  } finally {
    remove();
  }
});

test('error: a wrong database URL names the problem and the fix', async () => {
  const { dir, remove } = tempDir();
  try {
    const down = await runOpsdesk(['--data-dir', dir, 'user', 'list'], { env: { OPSDESK_DATABASE_URL: 'postgres://postgres:secretpw@127.0.0.1:1/nope' } });
    assert.equal(down.code, 6);
    assert.match(down.stderr, /Cannot connect to PostgreSQL at postgres:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:1\/nope \(ECONNREFUSED\)/);
    assert.match(down.stderr, /Unset OPSDESK_DATABASE_URL/);
    assert.doesNotMatch(down.stderr, /secretpw/);
    const wrongKind = await runOpsdesk(['--data-dir', dir, 'user', 'list'], { env: { OPSDESK_DATABASE_URL: 'mysql://root@127.0.0.1/x' } });
    assert.equal(wrongKind.code, 2);
    assert.match(wrongKind.stderr, /not a PostgreSQL URL/);
  } finally {
    remove();
  }
});

test('error: a port in use ends with a clear message and exit 6', async () => {
  const { dir, remove } = tempDir();
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as { port: number }).port;
  try {
    const res = await runOpsdesk(['--data-dir', dir, 'serve', '--port', String(port)]);
    assert.equal(res.code, 6);
    assert.match(res.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
    assert.match(res.stderr, /--port/);
    assert.doesNotMatch(res.stderr, /\n\s+at /);
  } finally {
    blocker.close();
    remove();
  }
});

test('error: unknown commands and bad flags exit 2', async () => {
  assert.equal((await runOpsdesk(['frobnicate'])).code, 2);
  const bad = await runOpsdesk(['serve', '--port', 'eighty']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--port must be a whole number/);
});
