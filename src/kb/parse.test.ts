import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { kbCategories, replyLocales } from './article.ts';
import { ArticleInvalidError } from './errors.ts';
import { parseArticle, renderArticle, metaOf } from './parse.ts';

const kbDir = new URL('../../kb/', import.meta.url);
const files = readdirSync(kbDir).filter((f) => f.endsWith('.md'));
const starter = files.map((f) => ({ file: f, article: parseArticle(readFileSync(new URL(f, kbDir), 'utf8'), f) }));

const requiredSlugs = [
  'seed-phrase-exposed', 'support-impersonation-scams', 'tx-pending-evm', 'tx-failed-out-of-gas', 'tx-failed-revert', 'token-not-showing', 'wrong-network',
  'sent-to-token-contract', 'exchange-deposit-memo', 'btc-stuck-low-fee', 'solana-blockhash-expired', 'solana-rent-and-token-accounts', 'tron-energy-bandwidth',
  'swap-slippage', 'bridge-funds-not-arrived', 'revoke-unlimited-approval', 'address-poisoning', 'wallet-recovery-restore', 'dapp-connection-walletconnect',
  'card-declined', 'onramp-paid-not-received', 'staking-rewards-missing', 'nft-not-showing', 'hardware-wallet-connection', 'network-fees-explained', 'app-crash-troubleshooting',
];

test('the starter KB parses: every required slug, file named after its slug, three replies, summary and diagnosis', () => {
  const slugs = new Set(starter.map((s) => s.article.slug));
  for (const slug of requiredSlugs) assert.ok(slugs.has(slug), `missing article ${slug}`);
  for (const { file, article } of starter) {
    assert.equal(file, `${article.slug}.md`);
    for (const l of replyLocales) assert.ok((article.replies[l] ?? '').length > 200, `${article.slug}: reply (${l}) missing or too short`);
    assert.ok(article.summary.length > 100, `${article.slug}: summary`);
    assert.ok(article.diagnosis.length > 100, `${article.slug}: diagnosis`);
    assert.ok(article.categories.every((c) => (kbCategories as readonly string[]).includes(c)));
    assert.deepEqual(article.translations, ['es', 'pt-BR']);
  }
});

test('behavior: no reply ever asks the user for a secret phrase, private key or card number', () => {
  const asks = /\b(send|share|give|tell|provide|type|enter)\b[^.\n]{0,40}\b(us|me|support)\b[^.\n]{0,40}\b(seed|secret|recovery) phrase|\b(env[ií]a|comparte|comp[aá]rtenos|d[ií]nos)[^.\n]{0,40}\bfrase\b|\b(envie|compartilhe|mande|informe)[^.\n]{0,40}\bfrase\b/i;
  for (const { article } of starter) {
    for (const l of replyLocales) {
      const reply = article.replies[l] ?? '';
      assert.doesNotMatch(reply, asks, `${article.slug} (${l}) seems to ask for a secret`);
    }
  }
  const playbook = starter.find((s) => s.article.slug === 'seed-phrase-exposed')!.article;
  assert.match(playbook.replies.en!, /new wallet/i);
  assert.match(playbook.replies.en!, /never ask for your secret phrase/i);
  assert.match(playbook.replies.es!, /billetera nueva/i);
  assert.match(playbook.replies['pt-BR']!, /carteira nova/i);
});

test('behavior: render then parse gives the same article back', () => {
  const { article } = starter[0]!;
  const again = parseArticle(renderArticle(metaOf(article), article.body), 'roundtrip');
  assert.deepEqual(metaOf(again), metaOf(article));
  assert.equal(again.body.trim(), article.body.trim());
});

test('behavior: links to other articles are collected from .md links and kb: references', () => {
  const text = '---\nslug: a-b\ntitle: Something\naudience: internal\ncategories: [fees]\nowner: me\nreviewBy: 2030-01-01\n---\n## Reply (en)\nSee [x](other-one.md) and kb:third-one.\n';
  assert.deepEqual(parseArticle(text, 't').links, ['other-one', 'third-one']);
});

test('error: a file without front matter is rejected', () => {
  assert.throws(() => parseArticle('# Just a title\n', 'x.md'), (err: unknown) => err instanceof ArticleInvalidError && /front matter/.test(err.message));
});

test('error: every front matter problem is listed', () => {
  const text = '---\nslug: Bad Slug\ntitle: T\naudience: everyone\ncategories: [not_a_category]\nowner: me\nreviewBy: someday\n---\n## Reply (en)\nHi\n';
  assert.throws(
    () => parseArticle(text, 'bad.md'),
    (err: unknown) => {
      assert.ok(err instanceof ArticleInvalidError);
      const problems = (err.context as { problems: string[] }).problems.join('\n');
      for (const field of ['slug', 'title', 'audience', 'categories.0', 'reviewBy']) assert.match(problems, new RegExp(`^${field.replace('.', '\\.')}:`, 'm'));
      return true;
    },
  );
});

test('error: an article without an English reply is rejected', () => {
  const text = '---\nslug: no-reply\ntitle: No reply\naudience: public\ncategories: [fees]\nowner: me\nreviewBy: 2030-01-01\n---\n## Summary\nx\n';
  assert.throws(() => parseArticle(text, 'no-reply.md'), /Reply \(en\)/);
});
