import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { StoredArticle } from './article.ts';
import { parseArticle } from './parse.ts';
import { buildKbIndex, searchKb } from './search-kb.ts';
import { editDistance, normalize, stem } from './text.ts';
import { qualityQueries } from './tests/quality-queries.ts';

const kbDir = new URL('../../kb/', import.meta.url);
const articles: StoredArticle[] = readdirSync(kbDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ ...parseArticle(readFileSync(new URL(f, kbDir), 'utf8'), f), version: 1, contentHash: 'x', updatedAt: '2026-11-27T00:00:00Z', updatedBy: null }));
const kb = buildKbIndex(articles);

test('quality: the expected article is in the top 3 for at least 90% of realistic en/es/pt queries', () => {
  assert.ok(qualityQueries.length >= 40);
  const locales = new Set(qualityQueries.map((q) => q.locale ?? 'en'));
  assert.deepEqual([...locales].sort(), ['en', 'es', 'pt-BR']);
  const misses: string[] = [];
  for (const { q, expect, locale } of qualityQueries) {
    const hits = searchKb(kb, q, { limit: 3, ...(locale ? { locale } : {}) });
    if (!hits.some((h) => h.slug === expect)) misses.push(`${q} → ${hits.map((h) => h.slug).join(', ')} (wanted ${expect})`);
  }
  const rate = 1 - misses.length / qualityQueries.length;
  assert.ok(rate >= 0.9, `top-3 hit rate ${rate.toFixed(3)}; misses:\n${misses.join('\n')}`);
});

test('results are best first, with a score in [0, 1) and reasons', () => {
  const hits = searchKb(kb, 'usdt stuck pending on bsc', { limit: 5 });
  assert.ok(hits.length > 0 && hits.length <= 5);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score);
  for (const h of hits) {
    assert.ok(h.score > 0 && h.score < 1);
    assert.ok(h.why.length > 0);
    assert.equal(h.title, articles.find((a) => a.slug === h.slug)!.title);
  }
});

test('behavior: finding codes from a diagnosis lift the matching article', () => {
  const plain = searchKb(kb, 'my transaction', { limit: 3 });
  const boosted = searchKb(kb, 'my transaction', { limit: 3, findingCodes: ['sol.failed.insufficient_rent'] });
  assert.notEqual(plain[0]?.slug, 'solana-rent-and-token-accounts');
  assert.equal(boosted[0]?.slug, 'solana-rent-and-token-accounts');
  assert.ok(boosted[0]!.why.some((w) => w.includes('sol.failed.insufficient_rent')));
  const onlyCode = searchKb(kb, '', { findingCodes: ['memo.missing_or_wrong'] });
  assert.equal(onlyCode[0]?.slug, 'exchange-deposit-memo');
});

test('behavior: wildcard and family codes match (btc.pending.* family → the Bitcoin article)', () => {
  const hits = searchKb(kb, 'help', { findingCodes: ['btc.pending.some_new_cause'], limit: 1 });
  assert.equal(hits[0]?.slug, 'btc-stuck-low-fee');
});

test('behavior: chains boost articles about them', () => {
  const without = searchKb(kb, 'fee burned transfer failed', { limit: 5 });
  const withTron = searchKb(kb, 'fee burned transfer failed', { limit: 5, chains: ['tron'] });
  assert.equal(withTron[0]?.slug, 'tron-energy-bandwidth');
  assert.ok(withTron[0]!.score >= (without.find((h) => h.slug === 'tron-energy-bandwidth')?.score ?? 0));
});

test('behavior: accents, case and misspellings do not matter', () => {
  assert.equal(normalize('TRANSAÇÃO Comisión'), 'transacao comision');
  assert.equal(stem('pendientes'), stem('pendiente'));
  assert.equal(editDistance('pendig', 'pending', 1), 1);
  assert.equal(editDistance('recieved', 'received', 1), 1);
  const a = searchKb(kb, 'transacción atascada', { limit: 1 })[0]?.slug;
  const b = searchKb(kb, 'TRANSACCION ATASCADA', { limit: 1 })[0]?.slug;
  assert.equal(a, b);
  assert.equal(searchKb(kb, 'hardwre walet ledgr bluetoth', { limit: 1 })[0]?.slug, 'hardware-wallet-connection');
});

test('behavior: the audience filter keeps internal articles out of public suggestions', () => {
  const internal: StoredArticle = { ...articles.find((a) => a.slug === 'card-declined')!, slug: 'card-declined-internal', audience: 'internal', title: 'Card declined: processor codes' };
  const both = buildKbIndex([...articles, internal]);
  assert.ok(searchKb(both, 'card declined processor codes', { limit: 5 }).some((h) => h.slug === 'card-declined-internal'));
  assert.ok(!searchKb(both, 'card declined processor codes', { limit: 5, audience: 'public' }).some((h) => h.slug === 'card-declined-internal'));
});

test('behavior: a query with no known words returns nothing rather than noise', () => {
  assert.deepEqual(searchKb(kb, 'zzzqx wvvkj', {}), []);
  assert.deepEqual(searchKb(kb, '   ', {}), []);
});
