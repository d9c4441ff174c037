import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { staffRoles, type StaffRole } from '../../auth/index.ts';
import { openTestApp, type TestApp } from '../../../test/http.ts';
import { runtimeTools } from '../runtime-tools.ts';
import { toolAccess } from '../tool-access.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp({ config: { kb: { dir: new URL('../../../kb/', import.meta.url).pathname, watch: false } } });
});
after(async () => t.close());

/** Arguments each tool accepts that answer fast without a network (an unknown chain fails at once). */
const sampleArgs: Record<string, Record<string, unknown>> = {
  kb_search: { query: 'transaction pending', limit: 1 },
  kb_get_article: { slug: 'seed-phrase-exposed', locale: 'en' },
  diagnose_transaction: { hash: `0x${'ab'.repeat(32)}`, chain: 'no-such-chain' },
  inspect_address: { address: `0x${'11'.repeat(20)}`, chain: 'no-such-chain' },
  validate_address: { address: `0x${'11'.repeat(20)}` },
  triage_text: { text: 'my deposit did not arrive' },
  service_status: {},
  incident_status: {},
};

/** Whether the HTTP route a tool stands for lets the role in, from the route's declared access. */
function httpAllows(tool: string, role: StaffRole): boolean {
  const row = toolAccess[tool as keyof typeof toolAccess];
  assert.ok(row, `${tool} has no row in src/mcp/tool-access.ts`);
  const route = t.routes.find((r) => `${r.method} ${r.path}` === row.http);
  assert.ok(route, `${tool} stands for ${row.http}, which is not a route`);
  return 'public' in route.access || route.access.roles.includes(role);
}

async function connect(role: StaffRole): Promise<Client> {
  const token = await t.tokenFor(role);
  const transport = new StreamableHTTPClientTransport(new URL('http://opsdesk.test/mcp'), {
    fetch: (url, init) => t.request(new URL(String(url)).pathname, init),
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: 'opsdesk-access-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

test('every tool has an access row whose minimum role is the lowest role its HTTP route allows', () => {
  const names = runtimeTools(t.runtime).map((x) => x.name).sort();
  assert.deepEqual(Object.keys(toolAccess).sort(), names);
  assert.equal(names.length, 8);
  for (const name of names) {
    const lowest = staffRoles.find((role) => httpAllows(name, role));
    assert.equal(toolAccess[name as keyof typeof toolAccess].minRole, lowest, `${name}: MCP minimum differs from HTTP`);
  }
});

for (const role of staffRoles) {
  test(`behavior: for ${role}, tools/list and tools/call match the HTTP access of every tool`, async () => {
    const client = await connect(role);
    try {
      const listed = (await client.listTools()).tools.map((x) => x.name).sort();
      const expected = Object.keys(toolAccess).filter((name) => httpAllows(name, role)).sort();
      assert.deepEqual(listed, expected);
      for (const name of Object.keys(toolAccess)) {
        const res = await client.callTool({ name, arguments: sampleArgs[name] ?? {} });
        const text = (res.content as Array<{ text: string }>)[0]?.text ?? '';
        if (httpAllows(name, role)) {
          assert.ok(!text.startsWith('Forbidden:'), `${role} was refused ${name}: ${text}`);
        } else {
          assert.equal(res.isError, true, `${role} could call ${name}`);
          const row = toolAccess[name as keyof typeof toolAccess];
          assert.equal(text, `Forbidden: ${name} needs the ${row.minRole} role or higher (your token's role is ${role}), the same as ${row.http} over HTTP. Ask an admin for a token with that role.`);
        }
      }
    } finally {
      await client.close();
    }
  });
}

test('the /mcp route summary names every tool with its minimum role', () => {
  const route = t.routes.find((r) => r.method === 'POST' && r.path === '/mcp');
  for (const [name, row] of Object.entries(toolAccess)) assert.ok(route?.summary.includes(`${name} (${row.minRole}+)`), `${name} is missing from the /mcp summary`);
});
