import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestApp, type TestApp } from '../../../test/http.ts';

let t: TestApp;
let ingest: string;
before(async () => {
  t = await openTestApp();
  ingest = await t.tokenFor('ingest');
});
after(async () => t.close());

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const email = (id: string) => ['From: Maria <maria@example.com>', 'Subject: pending', `Message-ID: <${id}@mail.example.com>`, '', 'My USDT transfer is pending.', ''].join('\r\n');

async function problemOf(res: Response): Promise<{ detail: string }> {
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  return (await res.json()) as { detail: string };
}

test('an ingest token may POST to every ticket intake route', async () => {
  const auth = { authorization: `Bearer ${ingest}` };
  const api = await t.request('/api/tickets', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ externalId: 'zd-1', requester: 'a@example.com', body: 'app crashes on start' }) });
  assert.equal(api.status, 201, await api.clone().text());
  const mail = await t.request('/api/tickets/inbound/email', { method: 'POST', headers: { ...auth, 'content-type': 'message/rfc822' }, body: email('m1') });
  assert.equal(mail.status, 201, await mail.clone().text());
  const chat = await t.request('/api/tickets/inbound/chat', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ conversationId: 'c1', messageId: 'm1', text: 'la app no abre', from: { email: 'leo@example.com', name: 'Leo' } }) });
  assert.equal(chat.status, 201, await chat.clone().text());
});

test('behavior: an ingest token may read nothing it sent, nor triage or correct', async () => {
  const created = (await (await t.request('/api/tickets', { method: 'POST', headers: { authorization: `Bearer ${ingest}`, 'content-type': 'application/json' }, body: JSON.stringify({ externalId: 'zd-2', body: 'where is my deposit' }) })).json()) as { ticketId: string };
  const reads: Array<[string, string]> = [['GET', '/api/tickets'], ['GET', `/api/tickets/${created.ticketId}`], ['POST', `/api/tickets/${created.ticketId}/triage`], ['POST', '/api/triage']];
  for (const [method, path] of reads) {
    const res = await t.request(path, { method, headers: { authorization: `Bearer ${ingest}`, 'content-type': 'application/json' }, ...(method === 'GET' ? {} : { body: '{"category":"other"}' }) });
    assert.equal(res.status, 403, `${method} ${path} answered ${res.status} to ingest`);
  }
});

test('behavior: inbound e-mail accepts HTTP Basic with the API token as password (https://opsdesk:TOKEN@host/…)', async () => {
  const res = await t.request('/api/tickets/inbound/email', { method: 'POST', headers: { authorization: basic('opsdesk', ingest), 'content-type': 'message/rfc822' }, body: email('basic-1') });
  assert.equal(res.status, 201, await res.clone().text());
  const anyUser = await t.request('/api/tickets/inbound/email', { method: 'POST', headers: { authorization: basic('postmark', ingest), 'content-type': 'message/rfc822' }, body: email('basic-2') });
  assert.equal(anyUser.status, 201);
});

test('behavior: Basic credentials grant no more than the token role, and public routes ignore them', async () => {
  const read = await t.request('/api/tickets', { headers: { authorization: basic('opsdesk', ingest) } });
  assert.equal(read.status, 403);
  const health = await t.request('/healthz', { headers: { authorization: 'Basic !!!' } });
  assert.equal(health.status, 200);
});

test('error: Basic with a wrong token is 401 and says the token is unknown', async () => {
  const res = await t.request('/api/tickets/inbound/email', { method: 'POST', headers: { authorization: basic('opsdesk', 'ods_not-a-real-token'), 'content-type': 'message/rfc822' }, body: email('wrong') });
  assert.equal(res.status, 401);
  const body = await problemOf(res);
  assert.match(body.detail, /API token in the Basic credentials \(the password\) is unknown, revoked or expired/);
  assert.ok(!body.detail.includes('ods_not-a-real-token'));
});

test('error: malformed Basic credentials are 401 with a problem naming what is wrong', async () => {
  const cases: Array<[string, RegExp]> = [
    ['Basic', /not valid base64/],
    ['Basic not*base64', /not valid base64/],
    [`Basic ${Buffer.from('opsdesk-no-colon').toString('base64')}`, /no password \(no ":" after the user name\)/],
    [basic('opsdesk', ''), /empty or malformed password/],
  ];
  for (const [header, expected] of cases) {
    const res = await t.request('/api/tickets/inbound/email', { method: 'POST', headers: { authorization: header, 'content-type': 'message/rfc822' }, body: email('malformed') });
    assert.equal(res.status, 401, header);
    const body = await problemOf(res);
    assert.match(body.detail, expected);
    assert.match(body.detail, /https:\/\/opsdesk:TOKEN@host/);
  }
});
