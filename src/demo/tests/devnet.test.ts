import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { repoRoot } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';
import { startDevnet } from '../devnet.ts';
import { DemoNeedsHardhatError } from '../errors.ts';

const answers = (url: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}', signal: AbortSignal.timeout(1500) }).then(
    (r) => r.ok,
    () => false,
  );

test('error: without hardhat (npm ci --omit=dev) the demo says how to get it', async () => {
  const { dir, remove } = tempDir('opsdesk-devnet-');
  try {
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'hardhat/internal/cli/bootstrap.js'"), { code: 'MODULE_NOT_FOUND' });
    };
    await assert.rejects(startDevnet({ dir, resolveHardhat: missing }), (e: unknown) => e instanceof DemoNeedsHardhatError && /run npm install without --omit=dev/.test(e.message) && e.code === 'UNAVAILABLE');
  } finally {
    remove();
  }
});

test('behavior: the devnet dies with the process that started it, even on SIGKILL', async () => {
  const { dir, remove } = tempDir('opsdesk-devnet-');
  const script = `import { startDevnet } from './src/demo/devnet.ts'; const d = await startDevnet({ dir: ${JSON.stringify(dir)} }); console.log(d.url, d.pid); setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const [url, pid] = await new Promise<[string, number]>((resolve, reject) => {
      let out = '';
      let err = '';
      parent.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+) (\d+)/.exec(out);
        if (m) resolve([m[1]!, Number(m[2])]);
      });
      parent.stderr.on('data', (d: Buffer) => void (err += d.toString()));
      parent.once('exit', (code) => reject(new Error(`the parent exited with ${code}: ${err}`)));
    });
    assert.equal(await answers(url), true);
    process.kill(parent.pid!, 'SIGKILL');
    const deadline = Date.now() + 15_000;
    let alive = true;
    while (alive && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
    }
    assert.equal(alive, false, `the devnet (pid ${pid}) outlived its parent`);
    assert.equal(await answers(url), false);
  } finally {
    if (parent.exitCode === null && parent.signalCode === null) parent.kill('SIGKILL');
    remove();
  }
});
