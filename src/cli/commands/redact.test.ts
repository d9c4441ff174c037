import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../../test/tmp.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(root, 'test', 'fixtures', 'redaction');

function opsdesk(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [join(root, 'bin', 'opsdesk.js'), ...args], { cwd: root, env: { ...process.env, OPSDESK_LOG_LEVEL: 'silent' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
    else child.stdin!.end();
  });
}

const key = '0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f';
const tx = '0x9fc76417374aa880d4449a1f7f31ec597f00b1f6f3dd2d66f4c9c6c445836d8b';
let tmp: ReturnType<typeof tempDir>;
let file: string;
before(() => {
  tmp = tempDir('opsdesk-redact-');
  file = join(tmp.dir, 'ticket.txt');
  writeFileSync(file, `my private key is ${key}\ntx ${tx}\n`);
});
after(() => tmp.remove());

// Each run starts a CLI process (slow on CI), so one test covers the three contract cases at once.
test('opsdesk redact prints the redacted text, --json from stdin, and refuses binary input with exit 2', async () => {
  const [human, json, binary] = await Promise.all([
    opsdesk(['redact', file]),
    opsdesk(['redact', '-', '--json'], `my private key is ${key}\ntx ${tx}\npassword: hunter22\n`),
    opsdesk(['redact', join(fixtures, 'binary.bin')]),
  ]);
  assert.equal(human.code, 0, human.stderr);
  assert.equal(human.stdout, `my private key is [REDACTED:private_key]\ntx ${tx}\n`);

  assert.equal(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout) as { text: string; redactions: Array<{ kind: string; start: number; end: number }> };
  assert.equal(parsed.text, `my private key is [REDACTED:private_key]\ntx ${tx}\npassword: [REDACTED:password]\n`);
  assert.deepEqual(parsed.redactions, [
    { kind: 'private_key', start: 18, end: 18 + key.length },
    { kind: 'password', start: 18 + key.length + 4 + tx.length + 11, end: 18 + key.length + 4 + tx.length + 19 },
  ]);

  assert.equal(binary.code, 2);
  assert.equal(binary.stdout, '');
  assert.match(binary.stderr, /The input looks like binary data, not text\./);
  assert.doesNotMatch(binary.stderr, /NUL byte/);
});
