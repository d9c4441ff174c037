import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { tempDir } from '../../../test/tmp.ts';
import { TicketInputInvalidError } from '../errors.ts';
import { orderResult, parseTriageInput, triageJsonLine } from './batch.ts';
import { openTriager } from './open.ts';
import type { Triager } from './triage.ts';

let triager: Triager;
before(async () => {
  const tmp = tempDir();
  triager = await openTriager({ dataDir: tmp.dir });
  tmp.remove();
});

test('reads plain text or a JSON object; results keep the contract order with the id first', () => {
  assert.equal(parseTriageInput('my swap failed'), 'my swap failed');
  assert.deepEqual(parseTriageInput('{"subject":"s","body":"b","locale":"es"}'), { subject: 's', body: 'b', locale: 'es' });
  assert.equal(parseTriageInput('{not json at all'), '{not json at all');
  const out = JSON.parse(triageJsonLine(triager, '{"id":7,"text":"my crypto card was charged twice"}', 1, { ok: 0, rejected: 0 })) as Record<string, unknown>;
  assert.deepEqual(Object.keys(out).slice(0, 3), ['id', 'category', 'categoryConfidence']);
  assert.equal(out.category, 'card_or_fiat_payment');
  assert.deepEqual(Object.keys(orderResult(triager.triage('x nft')))[0], 'category');
});

test('behavior: an exposed secret is critical, p1, with the playbook and the acknowledgement in the user’s language', () => {
  const seed = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
  for (const [text, lang, phrase] of [
    [`my usdt is not showing, my words are ${seed}`, 'en', /move your funds to it now/],
    [`mi saldo no aparece, mi frase es ${seed}`, 'es', /mueve tus fondos/],
    [`meu saldo não aparece, minha frase é ${seed}`, 'pt', /transfira seus fundos/],
  ] as const) {
    const r = triager.triage(text);
    assert.deepEqual(r.securityFlags, ['secret_exposed']);
    assert.deepEqual([r.severity, r.priority, r.playbook, r.kb[0]?.slug, r.language], ['critical', 'p1', 'seed-phrase-exposed', 'seed-phrase-exposed', lang]);
    assert.match(r.acknowledgement, phrase);
    assert.match(r.acknowledgement, /seed|semilla/);
    assert.ok(!r.redactedText.includes('sausage'));
    assert.ok(r.redactions[0]!.start > 0);
  }
});

test('behavior: priority rises for VIP requesters and whole-balance language; reasons name the phrases', () => {
  const base = triager.triage({ body: 'my staking rewards stopped since last week' });
  const vip = triager.triage({ body: 'my staking rewards stopped since last week', tier: 'vip' });
  assert.equal(Number(vip.priority.slice(1)), Number(base.priority.slice(1)) - 1);
  const all = triager.triage('all my usdt disappeared from my balance, where is my money');
  assert.ok(all.reasons.some((r) => r.supports === 'priority' && r.text === 'all my'));
  assert.ok(all.reasons.some((r) => r.supports === 'category' && r.kind === 'rule'));
});

test('error: empty, oversized and too deeply nested input is refused; a bad batch line becomes an error line', () => {
  assert.throws(() => parseTriageInput('   '), TicketInputInvalidError);
  assert.throws(() => triager.triage('x'.repeat(200_001)), /the limit is 200000/);
  assert.throws(() => parseTriageInput('{"a":' + '['.repeat(100) + ']'.repeat(100) + '}'), /nested more than 64 levels/);
  assert.throws(() => parseTriageInput('{"subject":"no body"}'), /neither "body" nor "text"/);
  const counts = { ok: 0, rejected: 0 };
  assert.deepEqual(JSON.parse(triageJsonLine(triager, '{"id":"x","text":""}', 4, counts)), { id: 'x', line: 4, error: 'The ticket input is invalid: the text is empty.' });
  assert.deepEqual(counts, { ok: 0, rejected: 1 });
});
