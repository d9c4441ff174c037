import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { openTestApp, type TestApp } from '../../../test/http.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp({ config: { kb: { dir: new URL('../../../kb/', import.meta.url).pathname, watch: false } } });
});
after(async () => t.close());

function connect(token: string | undefined): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL('http://opsdesk.test/mcp'), {
    fetch: (url, init) => t.request(new URL(String(url)).pathname, init),
    ...(token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : {}),
  });
  const client = new Client({ name: 'opsdesk-http-test', version: '1.0.0' });
  return client.connect(transport).then(() => client);
}

test('POST /mcp speaks Streamable HTTP to an MCP client holding an API token', async () => {
  const client = await connect(await t.tokenFor('agent'));
  try {
    const { tools } = await client.listTools();
    assert.ok(tools.some((x) => x.name === 'kb_search'));
    const res = await client.callTool({ name: 'kb_search', arguments: { query: 'seed phrase leaked, wallet drained', limit: 2 } });
    const body = JSON.parse((res.content as Array<{ text: string }>)[0]!.text) as { results: Array<{ slug: string }> };
    assert.equal(body.results[0]?.slug, 'seed-phrase-exposed');
    const status = await client.callTool({ name: 'incident_status', arguments: {} });
    assert.deepEqual(JSON.parse((status.content as Array<{ text: string }>)[0]!.text), { openIncidents: [] });
  } finally {
    await client.close();
  }
});

test('error: /mcp without a token is 401, with the ingest role 403', async () => {
  const anon = await t.request('/mcp', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) });
  assert.equal(anon.status, 401);
  const ingest = await t.tokenFor('ingest');
  const res = await t.request('/mcp', { method: 'POST', headers: { authorization: `Bearer ${ingest}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: '{}' });
  assert.equal(res.status, 403);
  await assert.rejects(connect(undefined));
});
