import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createToken } from '../../auth/index.ts';
import { createLogger, loadConfig } from '../../core/index.ts';
import { buildHttpApp, openRuntime } from '../../main.ts';
import { scrubText } from '../../redaction/index.ts';
import { runOpsdesk } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';

const seed = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const privateKey = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const card = '4111 1111 1111 1111';
const xprv = 'xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi';
const needles = ['sausage worth useful', 'legal winner thank year', privateKey, card, card.replace(/ /g, ''), xprv.slice(0, 40)];
const secretText = (i: number) => `help ${i}! my wallet was drained. phrase: ${seed}. private key ${privateKey}. my card ${card} too. backup ${xprv}`;

function assertClean(haystack: string | Buffer, where: string): void {
  const text = Buffer.isBuffer(haystack) ? haystack.toString('latin1') : haystack;
  for (const n of needles) assert.ok(!text.includes(n), `${where} contains a secret (${n.slice(0, 12)}…)`);
}

test('secrets sent through every intake path reach no store byte, log line, error body or output', async () => {
  const tmp = tempDir('opsdesk-secrets-');
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, cb) => void (logs.push(String(chunk)), cb()) });
  const config = loadConfig({ cwd: tmp.dir, env: {}, flags: { dataDir: tmp.dir, log: { level: 'trace' } } });
  const runtime = await openRuntime(config, { logger: createLogger({ level: 'trace', destination: sink, scrub: scrubText }) });
  const bodies: string[] = [];
  try {
    const { app } = buildHttpApp(runtime);
    const { secret } = await createToken(runtime.store.db, { name: 'secrets', role: 'agent' }, null, runtime.clock);
    const call = async (path: string, body: string | FormData, type?: string) => {
      const res = await app.fetch(new Request(`http://opsdesk.test${path}`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, ...(type ? { 'content-type': type } : {}) }, body }));
      const text = await res.text();
      bodies.push(text);
      return { status: res.status, text };
    };
    assert.equal((await call('/api/tickets', JSON.stringify({ requester: 'a@example.com', subject: `seed ${seed}`, body: secretText(1) }), 'application/json')).status, 201);
    const mime = `From: B <b@example.com>\r\nSubject: help\r\nMessage-ID: <s-1@x>\r\nContent-Type: multipart/mixed; boundary="z"\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\n${secretText(2)}\r\n--z\r\nContent-Type: text/plain; name="notes.log"\r\nContent-Disposition: attachment; filename="notes.log"\r\n\r\nbackup words: ${seed}\r\n--z--\r\n`;
    assert.equal((await call('/api/tickets/inbound/email', mime, 'message/rfc822')).status, 201);
    assert.equal((await call('/api/tickets/inbound/email', JSON.stringify({ From: 'c@example.com', Subject: 'x', TextBody: secretText(3), MessageID: 'pm-s', Attachments: [{ Name: 'k.csv', ContentType: 'text/csv', Content: Buffer.from(`private_key,${privateKey}`).toString('base64') }] }), 'application/json')).status, 201);
    const form = new FormData();
    form.set('from', 'd@example.com');
    form.set('subject', 'y');
    form.set('text', secretText(4));
    assert.equal((await call('/api/tickets/inbound/email', form)).status, 201);
    assert.equal((await call('/api/tickets/inbound/chat', JSON.stringify({ conversationId: 'c-s', messageId: '1', text: secretText(5), from: { handle: '@e' } }), 'application/json')).status, 201);
    assert.equal((await call('/api/triage', JSON.stringify({ body: secretText(6) }), 'application/json')).status, 200);
    // Error bodies: bad requests that carry secrets.
    for (const bad of [`{"body": "${seed}`, `{"body": ${seed}}`, JSON.stringify({ text: secretText(7) })]) {
      const r = await call(bad.includes('"text"') ? '/api/tickets/inbound/chat' : '/api/tickets', bad, 'application/json');
      assert.equal(r.status, 400);
    }
    const tickets = await runtime.tickets();
    const zendesk = JSON.stringify({ tickets: [{ id: 1, subject: 'z', description: secretText(8), comments: [{ id: 1, plain_body: secretText(9) }] }] });
    const freshdesk = JSON.stringify([{ id: 2, subject: 'f', description_text: secretText(10), conversations: [{ id: 3, body_text: secretText(11), incoming: true }] }]);
    const csv = `id,body\n9,"${secretText(12)}"\n10,"unterminated ${seed}\n`;
    for (const [format, text] of [['zendesk', zendesk], ['freshdesk', freshdesk], ['csv', csv]] as const) {
      const report = await tickets.import(format, text);
      assert.ok(report.imported >= 1, format);
      assertClean(JSON.stringify(report), `${format} import report`);
    }
    // The triage CLI, single and batch.
    const file = join(tmp.dir, 'in.jsonl');
    writeFileSync(file, `{"id":"a","text":${JSON.stringify(secretText(13))}}\n{"id":"b","body":"${seed}\n{"id":"c"}\n`);
    const batch = await runOpsdesk(['triage', '--jsonl', file, '--data-dir', tmp.dir]);
    assert.equal(batch.code, 0, batch.stderr);
    assert.equal(batch.stdout.trim().split('\n').length, 3);
    const single = await runOpsdesk(['triage', '-', '--json', '--data-dir', tmp.dir], { input: secretText(14) });
    assert.equal(single.code, 0, single.stderr);
    assert.equal(JSON.parse(single.stdout).securityFlags[0], 'secret_exposed');
    const failing = await runOpsdesk(['triage', '-', '--json', '--data-dir', tmp.dir], { input: `{"subject": 5, "body": "${seed}"}` });
    assert.equal(failing.code, 2);
    for (const r of [batch, single, failing]) {
      assertClean(r.stdout, 'CLI stdout');
      assertClean(r.stderr, 'CLI stderr');
    }
  } finally {
    await runtime.close();
  }
  for (const b of bodies) assertClean(b, 'an HTTP answer');
  assert.ok(logs.length > 5, 'the logger captured lines');
  assertClean(logs.join(''), 'the logs');
  const files = readdirSync(tmp.dir).filter((f) => f.startsWith('opsdesk.sqlite'));
  assert.ok(files.length >= 1 && existsSync(join(tmp.dir, 'opsdesk.sqlite')));
  for (const f of files) assertClean(readFileSync(join(tmp.dir, f)), `the SQLite file ${f}`);
  tmp.remove();
});
