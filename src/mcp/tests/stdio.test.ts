import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const testPhrase = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

let client: Client;
let dataDir: string;
let kbDir: string;

function textOf(result: unknown): string {
  const content = (result as { content: Array<{ type: string; text?: string }> }).content;
  return content.map((c) => c.text ?? '').join('');
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'opsdesk-mcp-'));
  kbDir = mkdtempSync(join(tmpdir(), 'opsdesk-mcp-kb-'));
  cpSync(join(root, 'kb'), kbDir, { recursive: true });
  writeFileSync(
    join(kbDir, 'leaky-example.md'),
    `---\nslug: leaky-example\ntitle: "Example of a pasted phrase"\naudience: internal\ncategories: [security_scam_or_compromise]\nowner: qa\nreviewBy: 2030-01-01\n---\n\n## Reply (en)\n\nNever share it. A user once pasted: ${testPhrase}\n`,
  );
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('OPSDESK_')) env[k] = v;
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(root, 'bin', 'opsdesk.js'), '--data-dir', dataDir, 'mcp'],
    cwd: root,
    env: { ...env, OPSDESK_KB_DIR: kbDir, OPSDESK_LOG_LEVEL: 'silent' },
    stderr: 'ignore',
  });
  client = new Client({ name: 'opsdesk-test', version: '1.0.0' });
  await client.connect(transport);
});

after(async () => {
  await client?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(kbDir, { recursive: true, force: true });
});

test('opsdesk mcp over a real stdio pipe lists read-only tools and answers kb_search', async () => {
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  for (const name of ['kb_get_article', 'kb_search', 'diagnose_transaction', 'inspect_address', 'validate_address', 'triage_text', 'incident_status', 'service_status']) assert.ok(names.includes(name), `missing tool ${name}`);
  for (const t of tools) assert.equal(t.annotations?.readOnlyHint, true, `${t.name} must be read-only`);
  const search = tools.find((t) => t.name === 'kb_search')!;
  assert.deepEqual((search.inputSchema as { required?: string[] }).required, ['query']);

  const res = await client.callTool({ name: 'kb_search', arguments: { query: 'minha transação está pendente na bsc', locale: 'pt-BR', findingCodes: ['evm.pending.nonce_gap'], limit: 3 } });
  assert.notEqual(res.isError, true);
  const body = JSON.parse(textOf(res)) as { results: Array<{ slug: string; score: number; why: string[] }> };
  assert.equal(body.results[0]?.slug, 'tx-pending-evm');
  assert.ok(body.results[0]!.why.some((w) => w.includes('evm.pending.nonce_gap')));
});

test('behavior: kb_get_article returns the reply in one locale and the internal diagnosis', async () => {
  const res = await client.callTool({ name: 'kb_get_article', arguments: { slug: 'tron-energy-bandwidth', locale: 'es' } });
  const a = JSON.parse(textOf(res)) as { slug: string; replies: Record<string, string>; diagnosis: string };
  assert.equal(a.slug, 'tron-energy-bandwidth');
  assert.deepEqual(Object.keys(a.replies), ['es']);
  assert.match(a.replies.es!, /Energía/);
  assert.match(a.diagnosis, /OUT_OF_ENERGY/);
});

test('behavior: every tool output passes through redaction', async () => {
  const res = await client.callTool({ name: 'kb_get_article', arguments: { slug: 'leaky-example' } });
  const text = textOf(res);
  assert.ok(!text.includes('abandon abandon'), 'the seed phrase must not leave the server');
  assert.match(text, /\[REDACTED:seed_phrase\]/);
});

test('behavior: service_status answers from the incidents store', async () => {
  const res = await client.callTool({ name: 'service_status', arguments: {} });
  const s = JSON.parse(textOf(res)) as { degraded: number; openIncidents: unknown[] };
  assert.equal(s.degraded, 0);
  assert.deepEqual(s.openIncidents, []);
});

test('error: invalid input is refused by the schema, an unknown article is a tool error', async () => {
  const bad = await client.callTool({ name: 'kb_search', arguments: { query: '' } }).catch((err: Error) => ({ isError: true, content: [{ type: 'text', text: err.message }] }));
  assert.equal(bad.isError, true);
  assert.match(textOf(bad), /query|too_small|Too small|at least/i);
  const missing = await client.callTool({ name: 'kb_get_article', arguments: { slug: 'no-such-article' } });
  assert.equal(missing.isError, true);
  assert.match(textOf(missing), /No knowledge-base article "no-such-article"/);
});

test('behavior: triage_text classifies without echoing a secret, and points to the compromised-wallet playbook', async () => {
  const res = await client.callTool({ name: 'triage_text', arguments: { text: `Someone from support asked for my phrase and I sent it: ${testPhrase}. Now my USDT is gone!` } });
  assert.notEqual(res.isError, true, textOf(res));
  const text = textOf(res);
  assert.ok(!text.includes('abandon abandon'), 'the phrase never leaves the server');
  const r = JSON.parse(text) as { category: string; severity: string; securityFlags: string[]; kb: Array<{ slug: string }> };
  assert.equal(r.severity, 'critical');
  assert.ok(r.kb.some((k) => k.slug === 'seed-phrase-exposed'));
});

test('behavior: validate_address checks formats offline', async () => {
  const res = await client.callTool({ name: 'validate_address', arguments: { address: '0x52908400098527886E0F7030069857D2E4169EE7' } });
  assert.notEqual(res.isError, true, textOf(res));
  const r = JSON.parse(textOf(res)) as { valid: boolean; candidates: Array<{ chain?: string }> };
  assert.equal(r.valid, true);
  assert.ok(r.candidates.some((c) => c.chain === 'ethereum'));
});

test('error: diagnose_transaction refuses a hash no chain accepts, without a network call', async () => {
  const res = await client.callTool({ name: 'diagnose_transaction', arguments: { hash: 'not-a-transaction-hash!!' } });
  assert.equal(res.isError, true);
  assert.match(textOf(res), /hash/i);
});
