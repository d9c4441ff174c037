import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TicketInputInvalidError } from '../errors.ts';
import { fromEmailWebhook, fromRawEmail } from './email.ts';

const mime = [
  'From: "Maria Souza" <maria@example.com>',
  'To: support@wallet.example',
  'Subject: =?UTF-8?Q?Transa=C3=A7=C3=A3o_pendente?=',
  'Message-ID: <abc123@mail.example.com>',
  'Date: Fri, 27 Nov 2026 08:00:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Minha transação de USDT está pendente faz 3 horas.',
  '--b1',
  'Content-Type: text/plain; name="app.log"',
  'Content-Disposition: attachment; filename="app.log"',
  '',
  'ERROR nonce too low',
  '--b1',
  'Content-Type: image/png; name="shot.png"',
  'Content-Disposition: attachment; filename="shot.png"',
  'Content-Transfer-Encoding: base64',
  '',
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  '--b1--',
  '',
].join('\r\n');

test('parses a raw RFC 822 message: requester, subject, Message-ID, text and attachments', async () => {
  const m = await fromRawEmail(new TextEncoder().encode(mime));
  assert.equal(m.source, 'email');
  assert.equal(m.sourceId, '<abc123@mail.example.com>');
  assert.equal(m.requester, 'maria@example.com');
  assert.equal(m.requesterName, 'Maria Souza');
  assert.equal(m.subject, 'Transação pendente');
  assert.match(m.messages[0]!.body, /pendente faz 3 horas/);
  const [log, png] = m.messages[0]!.attachments;
  assert.equal(log!.text?.trim(), 'ERROR nonce too low');
  assert.equal(png!.filename, 'shot.png');
  assert.equal(png!.text, undefined);
  assert.ok((png!.size ?? 0) > 0);
});

test('behavior: Postmark, Mailgun and SendGrid webhook shapes', async () => {
  const postmark = await fromEmailWebhook({
    FromFull: { Email: 'ana@example.com', Name: 'Ana' },
    Subject: 'swap failed',
    TextBody: 'my swap failed',
    MessageID: 'pm-1',
    Attachments: [{ Name: 'x.csv', ContentType: 'text/csv', Content: Buffer.from('a,b\n1,2').toString('base64'), ContentLength: 7 }],
  });
  assert.deepEqual([postmark.requester, postmark.sourceId, postmark.messages[0]!.attachments[0]!.text], ['ana@example.com', 'pm-1', 'a,b\n1,2']);
  const mailgun = await fromEmailWebhook({ sender: 'bob@example.com', subject: 'card', 'body-plain': 'card declined', 'Message-Id': '<mg-1@x>' });
  assert.deepEqual([mailgun.requester, mailgun.sourceId, mailgun.messages[0]!.body], ['bob@example.com', '<mg-1@x>', 'card declined']);
  const sendgrid = await fromEmailWebhook({ from: 'Carla <carla@example.com>', subject: 'nft', text: 'nft missing', headers: 'Message-ID: <sg-1@x>\nX: y' });
  assert.deepEqual([sendgrid.requester, sendgrid.requesterName, sendgrid.sourceId], ['carla@example.com', 'Carla', '<sg-1@x>']);
  const sendgridRaw = await fromEmailWebhook({ email: mime });
  assert.equal(sendgridRaw.sourceId, '<abc123@mail.example.com>');
});

test('error: a body that is not an e-mail, and a webhook without text, are refused', async () => {
  await assert.rejects(fromRawEmail(new Uint8Array([0, 159, 146, 150, 1, 2, 3])), (e: unknown) => e instanceof TicketInputInvalidError && /no RFC 822 header/.test(e.message));
  await assert.rejects(fromRawEmail(new Uint8Array()), /the e-mail is empty/);
  await assert.rejects(fromEmailWebhook({ from: 'a@b.c', subject: 'x' }), /has no text body/);
});
