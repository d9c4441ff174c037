// Every user-facing catalogue exists in en, es and pt-BR with the same placeholders in each.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { btcFindings, evmFindings, memoFindings, offlineFindings, solFindings, tronFindings, type FindingCatalog } from '../../chains/index.ts';
import { loadCatalogue, locales, messageArguments, shippedLocalesDir, type Locale } from '../../i18n/index.ts';
import { phrases } from '../../incidents/templates.ts';
import { emailTexts, statusLabels } from '../../incidents/notify-texts.ts';
import { statusStrings } from '../../http/pages/status-strings.ts';
import { parseArticle } from '../../kb/index.ts';
import { cardFindings, onrampFindings } from '../../payments/index.ts';
import { macros } from '../index.ts';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

/** Walks the English value and reports every path missing in another locale or with other `{placeholders}`. */
function compare(where: string, byLocale: Partial<Record<Locale, unknown>>): string[] {
  const problems: string[] = [];
  const walk = (path: string, en: unknown, other: unknown, locale: Locale) => {
    if (other === undefined || other === null || other === '') return void problems.push(`${path}: missing in ${locale}`);
    if (typeof en === 'string') {
      if (typeof other !== 'string') return void problems.push(`${path}: not a text in ${locale}`);
      const a = placeholders(en).join(',');
      const b = placeholders(other).join(',');
      if (a !== b) problems.push(`${path}: placeholders {${a}} in en but {${b}} in ${locale}`);
      return;
    }
    if (typeof en === 'function') {
      if (typeof other !== 'function') problems.push(`${path}: not a function in ${locale}`);
      return;
    }
    if (Array.isArray(en)) {
      if (!Array.isArray(other) || other.length !== en.length) return void problems.push(`${path}: ${en.length} items in en, ${Array.isArray(other) ? other.length : 'none'} in ${locale}`);
      en.forEach((v, i) => walk(`${path}[${i}]`, v, other[i], locale));
      return;
    }
    if (typeof en === 'object' && en) for (const [k, v] of Object.entries(en)) walk(`${path}.${k}`, v, (other as Record<string, unknown>)[k], locale);
  };
  for (const locale of locales) if (locale !== 'en') walk(where, byLocale.en, byLocale[locale], locale);
  return problems;
}

const findingCatalogues: Record<string, FindingCatalog> = { evm: evmFindings, btc: btcFindings, sol: solFindings, tron: tronFindings, memo: memoFindings, offline: offlineFindings, card: cardFindings, onramp: onrampFindings };

test('every finding (all chain families and payments) has its user message and next steps in en, es and pt-BR with the same placeholders', () => {
  const problems: string[] = [];
  let codes = 0;
  for (const [family, catalogue] of Object.entries(findingCatalogues)) {
    for (const [code, f] of Object.entries(catalogue)) {
      codes++;
      problems.push(...compare(`${family}:${code}.userMessage`, f.userMessage), ...compare(`${family}:${code}.nextSteps`, f.nextSteps));
    }
  }
  assert.ok(codes > 100, `only ${codes} finding codes found`);
  assert.deepEqual(problems, []);
});

test('the incident update templates, status labels, e-mails and the public status page exist in every language with the same placeholders', () => {
  const problems = [
    ...compare('incidents.phrases', phrases),
    ...compare('incidents.emailTexts', emailTexts),
    ...compare('http.statusStrings', statusStrings),
    ...Object.entries(statusLabels).flatMap(([status, labels]) => compare(`incidents.statusLabels.${status}`, labels)),
  ];
  assert.deepEqual(problems, []);
  for (const locale of locales) {
    assert.equal(statusStrings[locale].uptime('99.9', 90).includes('99.9'), true, locale);
    assert.equal(statusStrings[locale].daysAgo(3).includes('3'), true, locale);
  }
});

test('the message catalogues locales/*.json have the same keys and ICU arguments in every language', () => {
  const catalogue = loadCatalogue(shippedLocalesDir);
  const en = Object.keys(catalogue.messages.en).sort();
  assert.ok(en.includes('ack.normal') && en.includes('reply.greeting'));
  const problems: string[] = [];
  for (const locale of locales) {
    const keys = Object.keys(catalogue.messages[locale]).sort();
    for (const k of en) if (!keys.includes(k)) problems.push(`${k}: missing in ${locale}`);
    for (const k of keys) if (!en.includes(k)) problems.push(`${k}: in ${locale} but not in en`);
    for (const k of en) {
      const text = catalogue.messages[locale][k];
      if (text === undefined) continue;
      const a = messageArguments(catalogue.messages.en[k]!).join(',');
      const b = messageArguments(text, locale).join(',');
      if (a !== b) problems.push(`${k}: arguments {${a}} in en but {${b}} in ${locale}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the triage acknowledgements and the reply macros exist in every language with the same placeholders', async () => {
  const { acknowledgement } = await import('../index.ts');
  for (const flags of [[], ['secret_exposed']]) {
    const texts = (['en', 'es', 'pt'] as const).map((l) => acknowledgement(l, flags, 'security_scam_or_compromise'));
    assert.equal(new Set(texts).size, 3, 'each language has its own acknowledgement');
  }
  assert.deepEqual(macros.flatMap((m) => compare(`macro:${m.id}`, m.bodies)), []);
});

test('every KB article has a reply in en, es and pt-BR with the same links, placeholders and number of list items', () => {
  const dir = join(import.meta.dirname, '..', '..', '..', 'kb');
  const problems: string[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  assert.ok(files.length >= 20);
  const shape = (s: string) => ({
    placeholders: placeholders(s).join(','),
    links: [...new Set([...s.matchAll(/https?:\/\/[^\s)>\]]+|kb:[a-z0-9-]+|\]\(([a-z0-9-]+\.md)\)/g)].map((m) => m[0]))].sort().join(' '),
    items: s.split('\n').filter((l) => /^\s*([-*]|\d+\.)\s/.test(l)).length,
  });
  for (const file of files) {
    const a = parseArticle(readFileSync(join(dir, file), 'utf8'), file);
    const en = a.replies.en ?? '';
    for (const locale of locales) {
      const text = a.replies[locale];
      if (!text?.trim()) {
        problems.push(`${a.slug}: no "## Reply (${locale})"`);
        continue;
      }
      const [x, y] = [shape(en), shape(text)];
      for (const k of ['placeholders', 'links', 'items'] as const) if (x[k] !== y[k]) problems.push(`${a.slug} ${locale}: ${k} differ (en: ${x[k]} / ${locale}: ${y[k]})`);
    }
  }
  assert.deepEqual(problems, []);
});

test('behavior: the check reports a missing language, a changed placeholder and a missing next step', () => {
  assert.deepEqual(compare('x', { en: 'Stuck at {nonce}.', es: 'Atascada en {nonce}.' }), ['x: missing in pt-BR']);
  assert.deepEqual(compare('x', { en: 'Stuck at {nonce}.', es: 'Atascada en {nonse}.', 'pt-BR': 'Presa em {nonce}.' }), ['x: placeholders {nonce} in en but {nonse} in es']);
  assert.deepEqual(compare('x', { en: ['a', 'b'], es: ['a', 'b'], 'pt-BR': ['a'] }), ['x: 2 items in en, 1 in pt-BR']);
});
