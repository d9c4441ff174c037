import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { manualClock, silentLogger } from '../../core/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import { ArticleInvalidError, ArticleNotFoundError, ArticleVersionConflictError, DeflectionSessionNotFoundError, openKbService, type KbService } from '../index.ts';

const starterDir = new URL('../../../kb/', import.meta.url).pathname;
const starterCount = readdirSync(starterDir).filter((f) => f.endsWith('.md')).length;

const extraArticle = (slug: string, title: string, extra = '') => `---
slug: ${slug}
title: "${title}"
audience: internal
categories: [fees]
chains: [polygon]
tags: [gas station, refill]
owner: support-eng
reviewBy: 2020-01-01
findingCodes: [evm.rejected.insufficient_funds]
language: en
translations: []
---

## Summary

How agents refill gas for a polygon user, internal only.

## Reply (en)

We refilled a little POL so you can pay the network fee. ${extra}

## Diagnosis (internal)

1. Check the balance. See [missing](no-such-article.md).
`;

async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const engine of engines) {
  describe(`kb service [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    let dir: string;
    let kb: KbService;
    const clock = manualClock('2026-11-27T09:00:00Z');
    before(async () => {
      ({ store, cleanup } = await engine.open());
      dir = mkdtempSync(join(tmpdir(), 'opsdesk-kb-'));
      cpSync(starterDir, dir, { recursive: true });
      kb = await openKbService({ db: store.db, dir, clock, logger: silentLogger, watch: true });
    });
    after(async () => {
      await kb.close();
      await cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    test('loads every Markdown article into the store and the index, version 1 from the file', async () => {
      assert.ok(starterCount >= 26);
      assert.equal(kb.size, starterCount);
      const rows = await store.db.selectFrom('kb_articles').select(['slug', 'version']).execute();
      assert.equal(rows.length, starterCount);
      assert.ok(rows.every((r) => Number(r.version) === 1));
      assert.equal(kb.search('stuck pending', { limit: 1 })[0]?.slug, 'tx-pending-evm');
      const versions = await kb.listVersions('tx-pending-evm');
      assert.equal(versions.length, 1);
      assert.equal(versions[0]!.source, 'file');
    });

    test('behavior: a second sync of unchanged files stores nothing new', async () => {
      const r = await kb.sync();
      assert.equal(r.unchanged, starterCount);
      assert.deepEqual([r.added, r.updated, r.archived], [[], [], []]);
    });

    test('behavior: an API edit stores a new version and writes the Markdown file back', async () => {
      clock.advance(60_000);
      const updated = await kb.updateArticle('nft-not-showing', { tags: ['nft', 'collectible', 'spam nft'], expectedVersion: 1 }, 'usr_editor');
      assert.equal(updated.version, 2);
      assert.deepEqual(updated.tags, ['nft', 'collectible', 'spam nft']);
      assert.equal(updated.updatedBy, 'usr_editor');
      const file = readFileSync(join(dir, 'nft-not-showing.md'), 'utf8');
      assert.match(file, /^tags: \[nft, collectible, spam nft\]$/m);
      assert.match(file, /## Reply \(pt-BR\)/);
      const versions = await kb.listVersions('nft-not-showing');
      assert.deepEqual(versions.map((v) => [v.version, v.source, v.author]), [[2, 'api', 'usr_editor'], [1, 'file', null]]);
      const r = await kb.sync();
      assert.deepEqual(r.updated, [], 'the written file matches the stored version');
    });

    test('behavior: creating an article through the API writes a new file', async () => {
      const body = extraArticle('x', 'x').split('---\n')[2]!;
      const created = await kb.updateArticle('gas-refill-internal', { title: 'Gas refill for users (internal)', audience: 'internal', categories: ['fees'], owner: 'support-eng', reviewBy: '2030-01-01', body }, 'usr_editor');
      assert.equal(created.version, 1);
      assert.ok(existsSync(join(dir, 'gas-refill-internal.md')));
      assert.equal(kb.search('gas refill', { limit: 1 })[0]?.slug, 'gas-refill-internal');
      assert.ok(!kb.search('gas refill', { limit: 5, audience: 'public' }).some((h) => h.slug === 'gas-refill-internal'));
    });

    test('behavior: a file added, changed or deleted on disk is picked up by the watcher', async () => {
      writeFileSync(join(dir, 'polygon-refill.md'), extraArticle('polygon-refill', 'Polygon refill desk procedure'));
      await waitFor(() => kb.findArticle('polygon-refill') !== undefined);
      writeFileSync(join(dir, 'polygon-refill.md'), extraArticle('polygon-refill', 'Polygon refill desk procedure', 'Second edition.'));
      await waitFor(() => kb.findArticle('polygon-refill')?.version === 2);
      assert.match(kb.getArticle('polygon-refill').replies.en!, /Second edition/);
      unlinkSync(join(dir, 'polygon-refill.md'));
      await waitFor(() => kb.findArticle('polygon-refill') === undefined);
      const row = await store.db.selectFrom('kb_articles').select(['archived_at']).where('slug', '=', 'polygon-refill').executeTakeFirstOrThrow();
      assert.ok(row.archived_at, 'a deleted file archives the article; its history stays');
    });

    test('behavior: a broken file is reported and does not archive the stored article', async () => {
      const path = join(dir, 'card-declined.md');
      const good = readFileSync(path, 'utf8');
      writeFileSync(path, good.replace('audience: public', 'audience: everybody'));
      const r = await kb.sync();
      assert.equal(r.problems.length, 1);
      assert.match(r.problems[0]!.message, /audience/);
      assert.ok(kb.findArticle('card-declined'));
      writeFileSync(path, good);
      await kb.sync();
    });

    test('behavior: deflection sessions record opens, resolutions and submissions; stats follow the definition', async () => {
      const s1 = await kb.suggest({ text: 'mi tarjeta fue rechazada en el supermercado', locale: 'es' });
      assert.equal(s1.suggestions[0]?.slug, 'card-declined');
      assert.equal(s1.suggestions[0]?.locale, 'es');
      assert.match(s1.suggestions[0]!.reply, /tarjeta/);
      await kb.recordDeflection(s1.sessionId, { type: 'opened', slug: 'card-declined' });
      await kb.recordDeflection(s1.sessionId, { type: 'resolved' });
      const s2 = await kb.suggest({ text: 'card declined again', category: 'card_or_fiat_payment' });
      await kb.recordDeflection(s2.sessionId, { type: 'opened', slug: 'card-declined' });
      await kb.recordDeflection(s2.sessionId, { type: 'submitted', ticketId: 'tkt_1' });
      const s3 = await kb.suggest({ text: 'my nft is not showing' });
      const stored = await store.db.selectFrom('kb_deflections').selectAll().where('id', '=', s1.sessionId).executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(stored).includes('rechazada'), 'the user’s text is not stored');
      let stats = await kb.deflectionStats();
      assert.deepEqual(stats.overall, { sessions: 3, deflected: 1, submitted: 1, open: 1, rate: 0.5 });
      const card = stats.byArticle.find((a) => a.slug === 'card-declined')!;
      assert.deepEqual([card.sessions, card.deflected, card.submitted, card.opened, card.rate], [2, 1, 1, 2, 0.5]);
      assert.equal(stats.byCategory.find((c) => c.category === 'card_or_fiat_payment')?.sessions, 2);
      clock.advance(25 * 3600_000);
      stats = await kb.deflectionStats();
      assert.equal(stats.overall.deflected, 2, 'an abandoned session counts as deflected after the window');
      assert.equal(stats.byArticle.find((a) => a.slug === s3.suggestions[0]!.slug)?.deflected, 1);
      assert.match(stats.definition, /deflected \/ \(deflected \+ submitted\)/);
    });

    test('behavior: audit finds stale, broken links, duplicates, never-used articles and uncovered codes', async () => {
      writeFileSync(join(dir, 'gas-desk-a.md'), extraArticle('gas-desk-a', 'Gas desk'));
      writeFileSync(join(dir, 'gas-desk-b.md'), extraArticle('gas-desk-b', 'Gas desk'));
      await kb.sync();
      const report = await kb.audit({ today: '2026-11-27', knownCodes: ['evm.pending.nonce_gap', 'xrp.success.partial_payment', 'btc.pending.low_feerate'] });
      assert.ok(report.stale.some((s) => s.slug === 'gas-desk-a'));
      assert.ok(!report.stale.some((s) => s.slug === 'tx-pending-evm'));
      assert.ok(report.brokenLinks.some((b) => b.slug === 'gas-desk-a' && b.target === 'no-such-article'));
      assert.ok(report.duplicates.some((d) => d.a === 'gas-desk-a' && d.b === 'gas-desk-b'));
      assert.deepEqual(report.coverageGaps, ['xrp.success.partial_payment']);
      assert.ok(report.neverUsed.includes('gas-desk-a'));
      assert.ok(!report.neverUsed.includes('card-declined'), 'suggested articles count as used');
      assert.equal(report.ok, false);
      unlinkSync(join(dir, 'gas-desk-a.md'));
      unlinkSync(join(dir, 'gas-desk-b.md'));
      await kb.sync();
    });

    test('behavior: export writes the public help centre, llms.txt and Markdown without internal diagnosis', async () => {
      const out = mkdtempSync(join(tmpdir(), 'opsdesk-kb-export-'));
      try {
        const r = kb.exportPublic(out, 'Wallet Help');
        assert.equal(r.articles, starterCount, 'the internal article is not exported');
        const llms = readFileSync(join(out, 'llms.txt'), 'utf8');
        assert.match(llms, /^# Wallet Help$/m);
        assert.match(llms, /- \[.*\]\(md\/tx-pending-evm\.md\): /);
        assert.ok(!llms.includes('gas-refill-internal'));
        const md = readFileSync(join(out, 'md', 'seed-phrase-exposed.md'), 'utf8');
        assert.match(md, /## Español/);
        assert.ok(!md.includes('Diagnosis'));
        const html = readFileSync(join(out, 'wrong-network.html'), 'utf8');
        assert.match(html, /<section lang="pt-BR"/);
        assert.match(html, /<strong>BNB Smart Chain<\/strong>|<em>BNB Smart Chain<\/em>/);
        assert.ok(!html.includes('opsdesk tx diagnose'), 'internal diagnosis steps stay out of the help centre');
        assert.ok(existsSync(join(out, 'index.html')));
        assert.ok(!existsSync(join(out, 'gas-refill-internal.html')));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });

    test('error: a stale expectedVersion is refused and nothing is written', async () => {
      await assert.rejects(kb.updateArticle('nft-not-showing', { title: 'NFT missing', expectedVersion: 1 }, 'usr_late'), ArticleVersionConflictError);
      assert.equal(kb.getArticle('nft-not-showing').version, 2);
      assert.doesNotMatch(readFileSync(join(dir, 'nft-not-showing.md'), 'utf8'), /NFT missing/);
    });

    test('error: invalid edits, unknown articles and unknown sessions', async () => {
      await assert.rejects(kb.updateArticle('nft-not-showing', { categories: ['nope' as never] }, null), ArticleInvalidError);
      await assert.rejects(kb.updateArticle('brand-new', { title: 'Only a title' }, null), ArticleInvalidError);
      await assert.rejects(kb.updateArticle('nft-not-showing', { body: '## Summary\nno reply section\n' }, null), /Reply \(en\)/);
      assert.throws(() => kb.getArticle('nope'), ArticleNotFoundError);
      await assert.rejects(kb.listVersions('nope'), ArticleNotFoundError);
      await assert.rejects(kb.recordDeflection('dfl_missing', { type: 'resolved' }), DeflectionSessionNotFoundError);
    });
  });
}
