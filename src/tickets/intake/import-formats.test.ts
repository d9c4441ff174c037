import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ImportFormatError } from '../errors.ts';
import { parseCsvExport, parseCsvMap, parseFreshdeskExport, parseZendeskExport } from './import-formats.ts';

const zendesk = JSON.stringify({
  tickets: [
    {
      id: 101,
      subject: 'USDT pending',
      description: 'my usdt is pending',
      status: 'open',
      requester_id: 9,
      created_at: '2026-11-20T10:00:00Z',
      via: { channel: 'email' },
      comments: [
        { id: 1, author_id: 9, plain_body: 'my usdt is pending since yesterday', public: true, created_at: '2026-11-20T10:00:00Z', attachments: [{ file_name: 'screen.png', content_type: 'image/png', size: 2048 }] },
        { id: 2, author_id: 50, plain_body: 'Can you share the hash?', public: true, created_at: '2026-11-20T11:00:00Z' },
      ],
    },
    { subject: 'no id here', description: 'x' },
  ],
  users: [{ id: 9, name: 'Ana', email: 'ana@example.com' }, { id: 50, name: 'Agent', email: 'agent@wallet.example' }],
});

test('reads a Zendesk export with comments, requester and channel', () => {
  const items = parseZendeskExport(zendesk);
  assert.equal(items.length, 2);
  const first = items[0]!;
  assert.ok(first.ok);
  assert.equal(first.message.sourceId, '101');
  assert.equal(first.message.requester, 'ana@example.com');
  assert.equal(first.message.channel, 'email');
  assert.equal(first.message.status, 'open');
  assert.deepEqual(first.message.messages.map((m) => m.authorKind), ['requester', 'agent']);
  assert.equal(first.message.messages[0]!.attachments[0]!.filename, 'screen.png');
  assert.deepEqual(items[1], { ok: false, where: 'tickets[1]', error: 'The ticket input is invalid: the ticket has no id.' });
});

test('behavior: Zendesk JSON lines (incremental export) with a bad line', () => {
  const text = ['{"id":1,"subject":"a","description":"swap failed"}', '{not json', '{"id":2,"description":"nft missing"}'].join('\n');
  const items = parseZendeskExport(text);
  assert.deepEqual(items.map((i) => i.ok), [true, false, true]);
  assert.equal(items[1]!.where, 'line 2');
});

test('behavior: reads a Freshdesk export (numeric status and source, conversations)', () => {
  const text = JSON.stringify([
    { id: 7, subject: 'Card', description_text: 'card declined', status: 2, source: 7, requester: { email: 'joao@example.com', name: 'João' }, created_at: '2026-11-21T09:00:00Z', conversations: [{ id: 70, body_text: 'still declined', incoming: true }, { id: 71, body_text: 'we are checking', incoming: false }] },
  ]);
  const [item] = parseFreshdeskExport(text);
  assert.ok(item?.ok);
  assert.equal(item.message.channel, 'chat');
  assert.equal(item.message.status, 'open');
  assert.equal(item.message.requester, 'joao@example.com');
  assert.deepEqual(item.message.messages.map((m) => [m.authorKind, m.body]), [['requester', 'card declined'], ['requester', 'still declined'], ['agent', 'we are checking']]);
});

test('behavior: CSV maps columns by name or --map, and a broken row is rejected with its line', () => {
  const csv = ['Ticket,Message,Email,When', '1,"my swap failed, help",a@example.com,2026-11-20', '2,"unterminated, quote', '3,second row,b@example.com,2026-11-21,extra'].join('\n');
  const items = parseCsvExport(csv, parseCsvMap('Ticket=id,Message=body,Email=requester,When=created_at'));
  const ok = items.filter((i) => i.ok);
  const bad = items.filter((i) => !i.ok);
  assert.equal(ok.length + bad.length >= 2, true);
  assert.equal(ok[0]!.ok && ok[0]!.message.messages[0]!.body, 'my swap failed, help');
  assert.ok(bad.length >= 1);
  assert.match(bad[0]!.where, /^line \d+$/);
  const byName = parseCsvExport('id,description,email\n5,tx pending,c@example.com\n6,,d@example.com\n');
  assert.deepEqual(byName.map((i) => i.ok), [true, false]);
  assert.deepEqual(byName[1], { ok: false, where: 'line 3', error: 'the body is empty' });
});

test('error: a CSV without a body column, an empty file and a bad --map are refused', () => {
  assert.throws(() => parseCsvExport('a,b\n1,2\n'), (e: unknown) => e instanceof ImportFormatError && /no column maps to the ticket body/.test(e.message));
  assert.throws(() => parseCsvExport(''), ImportFormatError);
  assert.throws(() => parseCsvMap('x=nope'), /field "nope" is unknown/);
  assert.throws(() => parseZendeskExport('{"foo": 1}'), /expected an array or an object with "tickets"/);
});
