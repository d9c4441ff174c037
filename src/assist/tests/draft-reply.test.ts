import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { silentLogger, systemClock } from '../../core/index.ts';
import { openKbService, type KbService } from '../../kb/index.ts';
import { scrubText } from '../../redaction/index.ts';
import { engines } from '../../../test/stores.ts';
import { AssistResponseInvalidError, AssistUnavailableError, createChatClient, draftReply, DraftRejectedError, findSecretRequests } from '../index.ts';

const phrase = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
let server: Server;
let baseUrl: string;
let kb: KbService;
let cleanup: () => Promise<void>;
const seen: Array<{ auth: string | undefined; body: { model: string; messages: Array<{ role: string; content: string }> } }> = [];
let nextAnswer: { status: number; body: unknown } = { status: 200, body: {} };

before(async () => {
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      seen.push({ auth: req.headers.authorization, body: JSON.parse(data) as never });
      res.writeHead(nextAnswer.status, { 'content-type': 'application/json' }).end(JSON.stringify(nextAnswer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const opened = await engines[0]!.open();
  cleanup = opened.cleanup;
  kb = await openKbService({ db: opened.store.db, dir: new URL('../../../kb/', import.meta.url).pathname, clock: systemClock, logger: silentLogger });
});
after(async () => {
  await kb.close();
  await cleanup();
  await new Promise<void>((r) => server.close(() => r()));
});

const answer = (content: string) => ({ status: 200, body: { id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] } });

test('drafts a reply grounded in KB articles; the user text is redacted before it is sent', async () => {
  nextAnswer = answer('Tu transacción está pendiente [tx-pending-evm]. Toca **Acelerar** para subir la comisión.');
  const client = createChatClient({ baseUrl, model: 'local-test', apiKey: 'k-test' });
  const d = await draftReply({ kb, client, redact: scrubText }, { text: `mi transacción en bsc está pendiente hace horas, mi frase es ${phrase}`, locale: 'es' });
  assert.match(d.draft, /Acelerar/);
  assert.deepEqual(d.citations.map((c) => c.slug), ['tx-pending-evm']);
  assert.ok(d.grounding.some((g) => g.slug === 'tx-pending-evm'));
  assert.equal(d.locale, 'es');
  const sent = seen.at(-1)!;
  assert.equal(sent.auth, 'Bearer k-test');
  assert.equal(sent.body.model, 'local-test');
  const all = sent.body.messages.map((m) => m.content).join('\n');
  assert.ok(!all.includes('abandon abandon'), 'the secret never reaches the provider');
  assert.match(all, /\[REDACTED:seed_phrase\]/);
  assert.match(sent.body.messages[0]!.content, /\[tx-pending-evm\]/);
  assert.match(sent.body.messages[0]!.content, /Never ask for or accept a secret phrase/);
});

test('behavior: the guard flags requests for secrets in en/es/pt and allows warnings', () => {
  assert.equal(findSecretRequests('To verify your wallet, please send us your 12-word seed phrase.').length, 1);
  assert.equal(findSecretRequests('Para validar, envíanos tu frase secreta.').length, 1);
  assert.equal(findSecretRequests('Por favor, informe sua chave privada para recuperarmos.').length, 1);
  assert.equal(findSecretRequests("Don't worry, just send your recovery phrase and we fix it.").length, 1);
  assert.equal(findSecretRequests('Never share your secret phrase with anyone, including us.').length, 0);
  assert.equal(findSecretRequests('Nunca compartas tu frase secreta. No la escribas en ningún sitio.').length, 0);
  assert.equal(findSecretRequests('Nunca vamos pedir sua frase secreta.').length, 0);
});

test('error: a draft asking for the seed phrase is rejected', async () => {
  nextAnswer = answer('Please reply with your secret phrase so we can restore the wallet [wallet-recovery-restore].');
  const client = createChatClient({ baseUrl, model: 'local-test' });
  await assert.rejects(draftReply({ kb, client, redact: scrubText }, { text: 'I lost my phone' }), DraftRejectedError);
});

test('error: provider failures are unavailable or invalid-response errors', async () => {
  nextAnswer = { status: 503, body: { error: 'overloaded' } };
  await assert.rejects(createChatClient({ baseUrl, model: 'm' }).complete([{ role: 'user', content: 'hi' }]), AssistUnavailableError);
  nextAnswer = { status: 200, body: { choices: [] } };
  await assert.rejects(createChatClient({ baseUrl, model: 'm' }).complete([{ role: 'user', content: 'hi' }]), AssistResponseInvalidError);
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((r) => closed.close(() => r()));
  await assert.rejects(createChatClient({ baseUrl: `http://127.0.0.1:${port}/v1`, model: 'm', timeoutMs: 2000 }).complete([{ role: 'user', content: 'hi' }]), AssistUnavailableError);
});
