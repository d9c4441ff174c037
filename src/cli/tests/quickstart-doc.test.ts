import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { binPath, repoRoot, startServerProcess, type ServerProcess } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';

const docUrl = 'http://localhost:8080';
const doc = readFileSync(join(repoRoot, 'docs', 'quickstart.md'), 'utf8');
const blocks = [...doc.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] ?? '', text: m[2] ?? '' }));
const serveLine = /^((?:[A-Z][A-Z0-9_]*='[^']*' )*)npx opsdesk serve$/;

/** A `sh` block that (re)starts the server: `VAR='value' … npx opsdesk serve`, nothing else. */
function serverStart(text: string): Record<string, string> | undefined {
  const m = serveLine.exec(text.trim());
  if (!m) return undefined;
  return Object.fromEntries([...(m[1] ?? '').matchAll(/([A-Z][A-Z0-9_]*)='([^']*)' /g)].map((x) => [x[1]!, x[2]!]));
}

function bash(script: string, cwd: string): Promise<{ code: number; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('OPSDESK_') && !k.startsWith('OTEL_')) env[k] = v;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out, err });
    });
  });
}

/** Variables the blocks exported so far (`set -a` exports every assignment), from the saved state. */
function stateVar(dir: string, name: string): string {
  const m = new RegExp(`^declare -x ${name}="([^"]*)"$`, 'm').exec(readFileSync(join(dir, '.quickstart-state'), 'utf8'));
  assert.ok(m, `${name} was not set by the quickstart`);
  return m[1]!;
}

test('docs/quickstart.md: every shell block runs against a real server in an empty directory', { timeout: 900_000 }, async () => {
  const sh = blocks.filter((b) => b.lang === 'sh');
  assert.ok(sh.length >= 8, 'the quickstart has its shell blocks');
  assert.ok(serverStart(sh[0]!.text), 'the first block starts the server');
  assert.match(doc.split('\n')[2] ?? '', /npm start.*demo.*\[demo\.md\]\(demo\.md\)/, 'the first line points to the demo');
  const tmp = tempDir('opsdesk-quickstart-');
  let server: ServerProcess | undefined;
  const env: Record<string, string> = {};
  try {
    for (const block of sh) {
      const start = serverStart(block.text);
      if (start) {
        await server?.stop();
        Object.assign(env, start);
        const config = join(tmp.dir, 'opsdesk.config.json');
        server = await startServerProcess([], { env: { ...start, OPSDESK_DATA_DIR: join(tmp.dir, 'data'), ...(existsSync(config) ? { OPSDESK_CONFIG: config } : {}) }, timeoutMs: 180_000 });
        continue;
      }
      assert.ok(server, 'a block runs before the server was started');
      const script = [
        'set -euo pipefail',
        'set -a',
        '[ -f .quickstart-state ] && source .quickstart-state',
        // `npx opsdesk` of a checkout is this repository's bin; the test calls it directly.
        `npx() { if [ "$1" = opsdesk ]; then shift; node ${JSON.stringify(binPath)} "$@"; else command npx "$@"; fi; }`,
        block.text.replaceAll(docUrl, server.url),
        'export -p > .quickstart-state',
      ].join('\n');
      const res = await bash(script, tmp.dir);
      assert.equal(res.code, 0, `this block failed:\n${block.text}\n--- stdout\n${res.out}\n--- stderr\n${res.err}\n--- server\n${server.stderr().slice(-2000)}`);
    }
    assert.ok(server);

    // What the blocks did is visible through the API.
    const agent = { authorization: `Bearer ${stateVar(tmp.dir, 'HELPDESK_TOKEN')}` };
    const tickets = (await (await fetch(`${server.url}/api/tickets`, { headers: agent })).json()) as { items: Array<{ channel?: string }> };
    assert.equal(tickets.items.length, 3, JSON.stringify(tickets));
    const chains = (await (await fetch(`${server.url}/api/settings/chains`, { headers: agent })).json()) as { items: Array<{ slug: string; source: string; endpoints: Array<{ endpoint: string }> }> };
    assert.equal(chains.items.find((c) => c.slug === 'bsc')?.source, 'chains.rpc');
    assert.equal(chains.items.find((c) => c.slug === 'bsc')?.endpoints.length, 2);
    assert.equal(chains.items.find((c) => c.slug === 'acme-l2')?.source, 'chains.custom');
    const stats = (await (await fetch(`${server.url}/api/telemetry/stats`, { headers: agent })).json()) as { rows: number };
    assert.equal(stats.rows, 1, `the log record arrived: ${JSON.stringify(stats)}`);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@opsdesk.local', password: env.OPSDESK_ADMIN_PASSWORD }) });
    assert.equal(login.status, 200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const users = (await (await fetch(`${server.url}/api/users`, { headers: { cookie } })).json()) as { items: Array<{ email: string; role: string }> };
    assert.deepEqual(users.items.filter((u) => u.email !== 'admin@opsdesk.local').map((u) => `${u.email} ${u.role}`).sort(), ['ana@example.com agent', 'dev@example.com engineer']);

    // Every `METHOD /path` the page names is a route of the server.
    const openapi = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const named = [...doc.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^`\s]*)`/g)].map((m) => [m[1]!, m[2]!] as const);
    assert.ok(named.length >= 5);
    for (const [method, path] of named) assert.ok(openapi.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()], `${method} ${path} is named in the quickstart but is not a route`);
  } finally {
    await server?.stop();
    tmp.remove();
  }
});

test('docs/quickstart.md: the collector example sends to the server root with an ingest bearer token', () => {
  const yaml = blocks.find((b) => b.lang === 'yaml' && b.text.includes('otlphttp'));
  assert.ok(yaml, 'the collector example is there');
  assert.match(yaml.text, new RegExp(`^\\s+endpoint: ${docUrl}$`, 'm'), 'endpoint is the base URL (the exporter appends /v1/<signal>)');
  assert.match(yaml.text, /^\s+authorization: "Bearer \$\{env:OPSDESK_INGEST_TOKEN\}"$/m);
  for (const signal of ['logs', 'traces', 'metrics']) assert.match(yaml.text, new RegExp(`${signal}: \\{ receivers: \\[otlp\\], exporters: \\[otlphttp/opsdesk\\] \\}`));
});
