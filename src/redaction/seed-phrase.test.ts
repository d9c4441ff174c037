import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entropyToMnemonic } from '@scure/bip39';
import { wordlist as czech } from '@scure/bip39/wordlists/czech.js';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as french } from '@scure/bip39/wordlists/french.js';
import { wordlist as italian } from '@scure/bip39/wordlists/italian.js';
import { wordlist as japanese } from '@scure/bip39/wordlists/japanese.js';
import { wordlist as korean } from '@scure/bip39/wordlists/korean.js';
import { wordlist as portuguese } from '@scure/bip39/wordlists/portuguese.js';
import { wordlist as simplifiedChinese } from '@scure/bip39/wordlists/simplified-chinese.js';
import { wordlist as spanish } from '@scure/bip39/wordlists/spanish.js';
import { wordlist as traditionalChinese } from '@scure/bip39/wordlists/traditional-chinese.js';
import { redactText } from './index.ts';

const entropy = (n: number, fill: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + fill) & 0xff);
const phrase = (list: string[], words = 12, fill = 7) => entropyToMnemonic(entropy((words * 4) / 3, fill), list).normalize('NFC');
const only = (text: string) => redactText(text).redactions.map((r) => r.kind);

test('redacts a 12-word English phrase and nothing around it', () => {
  const p = phrase(english);
  assert.equal(redactText(`Hi, my 12 words: ${p}`).text, 'Hi, my 12 words: [REDACTED:seed_phrase]');
});

test('behavior: every official word list and length', () => {
  const lists = { english, spanish, portuguese, french, italian, czech, japanese, korean, simplifiedChinese, traditionalChinese };
  for (const [name, list] of Object.entries(lists)) {
    for (const words of [12, 15, 18, 21, 24]) {
      const p = phrase(list, words, words);
      const r = redactText(`seed ${p} ok`);
      assert.deepEqual(r.redactions.map((x) => x.kind), ['seed_phrase'], `${name} ${words}`);
      const visible = r.text.replace(/\[REDACTED:\w+\]/g, ' ');
      for (const w of p.split(/[ \u3000]/)) assert.ok(!visible.includes(w) || 'seed ok'.includes(w), `${name} ${words}: "${w}" visible`);
    }
  }
});

test('behavior: separators, numbering, line breaks and case', () => {
  const words = phrase(english, 12, 99).split(' ');
  const forms = [
    words.join(', '),
    words.join('\n'),
    words.map((w, i) => `${i + 1}. ${w}`).join(' '),
    words.map((w, i) => `${i + 1}) ${w}`).join('\n'),
    words.map((w, i) => `${i + 1}-${w}`).join(' '),
    words.map((w) => w.toUpperCase()).join(' '),
    words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '),
    `${words.slice(0, 6).join(' ')}\n${words.slice(6).join(' ')}`,
    words.map((w, i) => (i % 3 === 2 ? `${w}\n` : `${w} `)).join(''),
  ];
  for (const form of forms) {
    const r = redactText(`Hello, here it is:\n${form}\nthanks`);
    assert.deepEqual(only(`Hello, here it is:\n${form}\nthanks`), ['seed_phrase'], form);
    const visible = r.text.replace(/\[REDACTED:\w+\]/g, ' ').toLowerCase();
    for (const w of words) assert.ok(!visible.includes(w), `${JSON.stringify(form)}: ${w} visible`);
  }
});

test('behavior: one or two misspelt words, and Spanish without accents', () => {
  const words = phrase(english, 12, 5).split(' ');
  const one = [...words];
  one[3] = one[3]!.slice(0, -1) + (one[3]!.endsWith('x') ? 'y' : 'x');
  const two = [...one];
  two[9] = two[9]!.charAt(1) + two[9]!.charAt(0) + two[9]!.slice(2);
  assert.deepEqual(only(`recovery: ${one.join(' ')}`), ['seed_phrase']);
  assert.deepEqual(only(two.join(' ')), ['seed_phrase']);
  const es = phrase(spanish, 12, 3).normalize('NFD').replace(/\p{M}/gu, '');
  assert.deepEqual(only(`mi frase semilla ${es}`), ['seed_phrase']);
});

test('behavior: a phrase with a wrong checksum is still caught when pasted as one', () => {
  const words = english.slice(100, 112).join(' ');
  assert.deepEqual(only(`i typed ${words}`), ['seed_phrase']);
});

test('behavior: prose made of list words is not a phrase', () => {
  const prose = [
    'I would like to know why my account balance shows zero after I made a transfer to the bridge.',
    'You can check that this transfer will never work because the bridge is slow and the fee is high.',
    'Please help, what have they done with my account? Every time I open the app it asks me to update.',
    'Hola, necesito ayuda con mi cuenta porque el saldo aparece en cero desde ayer, gracias.',
    'Olá, preciso de ajuda porque meu saldo aparece zerado depois da atualização do aplicativo.',
    'Menu items missing: swap, bridge, stake, earn, buy, sell, market, browser, settings, security',
    'Thank you for the quick answer, I will try that and report back tomorrow morning.',
  ];
  for (const p of prose) assert.deepEqual(only(p), [], p);
});

test('behavior: fewer than 12 list words are never a phrase', () => {
  assert.deepEqual(only(`Ok: ${english.slice(0, 11).join(' ')}`), []);
});
