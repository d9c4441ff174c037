import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { openSqlite } from '../index.ts';
import { runOpsdesk, startServerProcess } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';

test('behavior: SIGKILL in the middle of writes loses nothing that was acknowledged (SQLite)', async () => {
  const { dir, remove } = tempDir();
  try {
    const made = await runOpsdesk(['--data-dir', dir, '--json', 'token', 'create', 'writer', '--role', 'admin']);
    assert.equal(made.code, 0, made.stderr);
    const { secret } = JSON.parse(made.stdout) as { secret: string };
    const server = await startServerProcess(['--data-dir', dir]);
    const acknowledged: string[] = [];
    let n = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const email = `user${n++}@example.test`;
        try {
          const res = await fetch(`${server.url}/api/users`, {
            method: 'POST',
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
            body: JSON.stringify({ email, role: 'viewer', password: 'a long enough password' }),
          });
          if (res.status === 201) acknowledged.push(email);
        } catch {
          // The connection dies with the server; unacknowledged writes may or may not be there.
        }
      }
    };
    const writers = Array.from({ length: 6 }, writer);
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 20));
    process.kill(server.pid, 'SIGKILL');
    killed = true;
    await Promise.all(writers);
    await server.stop();
    const store = openSqlite(join(dir, 'opsdesk.sqlite'));
    try {
      const rows = await store.db.selectFrom('users').select('email').execute();
      const present = new Set(rows.map((r) => r.email));
      const lost = acknowledged.filter((e) => !present.has(e));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged writes were lost`);
      assert.ok(acknowledged.length >= 60);
    } finally {
      await store.close();
    }
  } finally {
    remove();
  }
});
