// Deterministic generator of secrets (in every form the detector promises to catch) and of ordinary
// support messages (hashes, addresses, numbers, BIP-39 words in prose). Written from the formats and
// from real tickets, not from the detector: bench/redaction-corpus.ts measures the detector on it.
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
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
import type { Rng } from '../src/demo/telemetry/random.ts';

export type SecretKind = 'seed_phrase' | 'private_key' | 'card_number' | 'card_cvv' | 'password' | 'api_key' | 'pin';

export interface SecretSample {
  kind: SecretKind;
  form: string;
  text: string;
  /** where the secret sits in `text` */
  start: number;
  end: number;
}

export interface OrdinarySample {
  form: string;
  text: string;
}

// The demo's seeded PRNG (mulberry32), shared so every corpus run generates the same samples.
export { mulberry32 as createRng, type Rng } from '../src/demo/telemetry/random.ts';

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const bytes = (rng: Rng, n: number) => Uint8Array.from({ length: n }, () => Math.floor(rng() * 256));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

const b58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
export function base58(data: Uint8Array): string {
  let n = BigInt('0x' + (hex(data) || '0'));
  let out = '';
  while (n > 0n) {
    out = b58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const byte of data) {
    if (byte !== 0) break;
    out = '1' + out;
  }
  return out;
}
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest();
export function base58check(payload: Uint8Array): string {
  const sum = sha(sha(payload)).subarray(0, 4);
  return base58(Buffer.concat([payload, sum]));
}

// ---------- seed phrases ----------

const lists: Array<[string, readonly string[]]> = [
  ['english', english], ['english', english], ['english', english], ['spanish', spanish], ['spanish', spanish], ['portuguese', portuguese],
  ['portuguese', portuguese], ['french', french], ['italian', italian], ['czech', czech], ['japanese', japanese], ['korean', korean],
  ['simplified-chinese', simplifiedChinese], ['traditional-chinese', traditionalChinese],
];
const latin = new Set(['english', 'spanish', 'portuguese', 'french', 'italian', 'czech']);

function typo(rng: Rng, word: string): string {
  const w = [...word];
  const i = int(rng, 0, w.length - 1);
  const letter = pick(rng, [...'abcdefghijklmnopqrstuvwxyz']);
  switch (int(rng, 0, 3)) {
    case 0: w[i] = letter === w[i] ? 'z' : letter; break; // substitution
    case 1: if (w.length > 3) w.splice(i, 1); else w.splice(i, 0, letter); break; // deletion
    case 2: w.splice(i, 0, letter); break; // insertion
    default: if (i + 1 < w.length) [w[i], w[i + 1]] = [w[i + 1]!, w[i]!]; else w[i] = letter; // swap
  }
  return w.join('');
}

function casing(rng: Rng, word: string, mode: number): string {
  if (mode === 1) return word[0]!.toUpperCase() + word.slice(1);
  if (mode === 2) return word.toUpperCase();
  if (mode === 3) return rng() < 0.5 ? word.toUpperCase() : word;
  return word;
}

const seedContexts = [
  (p: string) => `Here is my recovery phrase: ${p}`,
  (p: string) => `my seed phrase is ${p} please help me restore my wallet`,
  (p: string) => `${p}`,
  (p: string) => `I wrote down these words\n${p}\nbut the app says invalid`,
  (p: string) => `hi, i cant import my wallet. ${p} what is wrong?`,
  (p: string) => `mi frase semilla: ${p} no puedo recuperar mi billetera`,
  (p: string) => `Hola, estas son mis 12 palabras ${p} gracias`,
  (p: string) => `Minha frase de recuperação é ${p} obrigado`,
  (p: string) => `palavras: ${p}`,
  (p: string) => `Bonjour, ma phrase secrète ${p}`,
  (p: string) => `Ciao, ecco le mie parole: ${p}`,
  (p: string) => `助记词 ${p}`,
  (p: string) => `Wallet not importing after update to 9.2 on android.\n\n${p}\n\nSent from my iPhone`,
  (p: string) => `"${p}"`,
  (p: string) => `backup words -> ${p} <- is that right?`,
  (p: string) => `Support, I need help urgently!! ${p}`,
];

function seedPhrase(rng: Rng): SecretSample {
  const [lang, list] = pick(rng, lists);
  const words = pick(rng, [12, 12, 12, 12, 24, 24, 15, 18, 21]);
  const valid = rng() < 0.9;
  let parts = valid ? entropyToMnemonic(bytes(rng, (words * 4) / 3), list as string[]).normalize('NFC').split(/[ \u3000]/) : Array.from({ length: words }, () => pick(rng, list).normalize('NFC'));
  const forms: string[] = [lang, `${words}w`, valid ? 'valid' : 'invalid-checksum'];
  if (latin.has(lang)) {
    const typos = pick(rng, [0, 0, 0, 1, 1, 2]);
    const spots = new Set<number>();
    while (spots.size < typos) spots.add(int(rng, 0, parts.length - 1));
    for (const at of spots) parts[at] = typo(rng, parts[at]!); // two different words, one edit each
    if (typos) forms.push(`${typos}typo`);
    if (lang !== 'english' && rng() < 0.3) {
      parts = parts.map((p) => p.normalize('NFD').replace(/\p{M}/gu, ''));
      forms.push('no-accents');
    }
    const mode = pick(rng, [0, 0, 0, 1, 2, 3]);
    parts = parts.map((p, i) => (mode === 1 && i > 0 && rng() < 0.7 ? p : casing(rng, p, mode)));
    if (mode) forms.push(`case${mode}`);
  }
  const style = int(rng, 0, 9);
  let phrase: string;
  if (style === 0) phrase = parts.map((p, i) => `${i + 1}. ${p}`).join(pick(rng, [' ', '\n', '  ']));
  else if (style === 1) phrase = parts.map((p, i) => `${i + 1}) ${p}`).join(pick(rng, [' ', '\n']));
  else if (style === 2) phrase = parts.join(pick(rng, [', ', ',', ' , ', '; ']));
  else if (style === 3) phrase = parts.join('\n');
  else if (style === 4) phrase = parts.map((p, i) => (i % 3 === 2 ? `${p}\n` : `${p} `)).join('').trim();
  else if (style === 5) phrase = parts.map((p, i) => `${i + 1}-${p}`).join(' ');
  else if (style === 6) phrase = parts.join(lang === 'japanese' ? '\u3000' : '  ');
  else if (style === 7) phrase = parts.map((p, i) => (i === 5 || i === 11 ? `${p}\n` : `${p} `)).join('').trim();
  else if (style === 8) phrase = parts.map((p, i) => `#${i + 1} ${p}`).join(' ');
  else phrase = parts.join(' ');
  forms.push(`style${style}`);
  const text = pick(rng, seedContexts)(phrase);
  const start = text.indexOf(phrase);
  return { kind: 'seed_phrase', form: forms.join('/'), text, start, end: start + phrase.length };
}

// ---------- private keys ----------

const pkLabels = [
  'private key:', 'Private Key', 'my private key is', 'privkey=', 'pk:', 'PK', 'priv:', 'secret key', 'exported key:', 'here is the exported private key',
  'mi clave privada es', 'clave privada:', 'llave privada', 'minha chave privada:', 'chave privada é', 'ma clé privée :', 'chiave privata',
  'privater Schlüssel:', 'приватный ключ:', '私钥:', '秘密鍵', 'I exported the private key from metamask and it is', 'key (private):',
  'Private key of the compromised wallet\n',
];

function embed(rng: Rng, kind: SecretKind, form: string, label: string, secret: string): SecretSample {
  const pre = pick(rng, ['', 'Hello, ', 'URGENT ', 'my wallet was drained. ', 'Hi team,\n', 'no puedo entrar. ', 'olá, ']);
  const post = pick(rng, ['', ' thanks', '. Can you check?', '\nsent from android', ' ayuda por favor', ' por favor verifiquem', ' tx 0x' + hex(bytes(rng, 32))]);
  const gap = label.endsWith('\n') ? '' : pick(rng, [' ', ' ', '\n', ': ', ' = ']);
  const head = `${pre}${label}${gap}`;
  return { kind, form, text: `${head}${secret}${post}`, start: head.length, end: head.length + secret.length };
}

function ed25519Keypair(rng: Rng): Uint8Array {
  const seed = bytes(rng, 32);
  const key = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  const pub = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
  return Buffer.concat([seed, pub]);
}

function privateKey(rng: Rng): SecretSample {
  const form = pick(rng, ['hex', 'hex0x', 'wif', 'wifc', 'xprv', 'yprv', 'zprv', 'tprv', 'sol58', 'solarray', 'solarray-compact']);
  let secret: string;
  let label = pick(rng, pkLabels);
  if (form === 'hex') secret = hex(bytes(rng, 32));
  else if (form === 'hex0x') secret = '0x' + (rng() < 0.5 ? hex(bytes(rng, 32)) : hex(bytes(rng, 32)).toUpperCase());
  else if (form === 'wif' || form === 'wifc') {
    const payload = Buffer.concat([Buffer.from([rng() < 0.9 ? 0x80 : 0xef]), bytes(rng, 32), Buffer.from(form === 'wifc' ? [1] : [])]);
    secret = base58check(payload);
    label = pick(rng, [label, 'WIF', 'paper wallet:', '', 'imported this']);
  } else if (form.endsWith('prv')) {
    const version = { xprv: '0488ade4', yprv: '049d7878', zprv: '04b2430c', tprv: '04358394' }[form.slice(0, 4) as 'xprv']!;
    const payload = Buffer.concat([Buffer.from(version, 'hex'), Buffer.from([int(rng, 0, 5)]), bytes(rng, 4), bytes(rng, 4), bytes(rng, 32), Buffer.from([0]), bytes(rng, 32)]);
    secret = base58check(payload);
    label = pick(rng, [label, 'master key', '', 'electrum shows']);
  } else if (form === 'sol58') {
    secret = base58(ed25519Keypair(rng));
    label = pick(rng, [label, 'phantom export', '', 'solflare gave me']);
  } else {
    const nums = [...ed25519Keypair(rng)];
    secret = form === 'solarray' ? `[${nums.join(', ')}]` : `[${nums.join(',')}]`;
    if (rng() < 0.2) secret = `[\n  ${nums.join(',\n  ')}\n]`;
    label = pick(rng, [label, 'id.json:', '', 'my keypair file']);
  }
  return embed(rng, 'private_key', form, label, secret);
}

// ---------- cards and credentials ----------

function luhnComplete(prefix: string, length: number, rng: Rng): string {
  let d = prefix;
  while (d.length < length - 1) d += String(int(rng, 0, 9));
  for (let c = 0; c <= 9; c++) {
    const s = d + c;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let v = Number(s[s.length - 1 - i]);
      if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

function cardNumber(rng: Rng): SecretSample {
  const brand = pick(rng, [['visa', '4', 16], ['visa', '4', 16], ['visa13', '4', 13], ['mc', String(int(rng, 51, 55)), 16], ['mc2', String(int(rng, 2221, 2720)), 16], ['amex', pick(rng, ['34', '37']), 15], ['discover', '6011', 16], ['unionpay', '62', 19], ['jcb', String(int(rng, 3528, 3589)), 16], ['maestro', '5018', 16]] as const);
  const digits = luhnComplete(brand[1], brand[2], rng);
  const sep = pick(rng, ['', ' ', '-', ' ']);
  const secret = sep ? (brand[0] === 'amex' ? [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(sep) : digits.match(/.{1,4}/g)!.join(sep)) : digits;
  const label = pick(rng, ['my card', 'card number', 'card:', 'tarjeta', 'número de tarjeta', 'cartão', 'o número do meu cartão é', 'charged on', 'the card ending... full number', '', 'Visa', 'paid with']);
  return embed(rng, 'card_number', brand[0] + (sep ? '-grouped' : ''), label, secret);
}

function credential(rng: Rng): SecretSample {
  const which = pick(rng, ['cvv', 'pin', 'password', 'password', 'api', 'api', 'api']);
  if (which === 'cvv') {
    const v = String(int(rng, 0, rng() < 0.8 ? 999 : 9999)).padStart(rng() < 0.8 ? 3 : 4, '0');
    return embed(rng, 'card_cvv', 'cvv', pick(rng, ['cvv', 'CVV:', 'cvc', 'CVC2', 'security code', 'código de seguridad', 'código de segurança', 'cvv is', 'the CVV was']), v);
  }
  if (which === 'pin') {
    const v = String(int(rng, 0, 999999)).padStart(pick(rng, [4, 6]), '0');
    return embed(rng, 'pin', 'pin', pick(rng, ['PIN', 'pin:', 'my pin is', 'pin code', 'código pin', 'passcode', 'senha do cartão']), v);
  }
  if (which === 'password') {
    const chars = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%';
    let v = Array.from({ length: int(rng, 8, 16) }, () => pick(rng, [...chars])).join('');
    if (!/[\d!@#$%]/.test(v)) v += String(int(rng, 1, 99));
    return embed(rng, 'password', 'password', pick(rng, ['password:', 'password is', 'my password is', 'pwd=', 'contraseña:', 'mi contraseña es', 'senha:', 'minha senha é', 'mot de passe :', 'Passwort:']), v);
  }
  const alnum = (n: number) => Array.from({ length: n }, () => pick(rng, [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'])).join('');
  const upper = (n: number) => Array.from({ length: n }, () => pick(rng, [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'])).join('');
  const shape = pick(rng, ['openai', 'stripe', 'aws', 'github', 'slack', 'google', 'jwt', 'bearer', 'labelled', 'infura'] as const);
  const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const v = {
    openai: () => `sk-${pick(rng, ['', 'proj-'])}${alnum(40)}`,
    stripe: () => `sk_live_${alnum(24)}`,
    aws: () => `AKIA${upper(16)}`,
    github: () => `ghp_${alnum(36)}`,
    slack: () => `xoxb-${int(rng, 1e9, 9e9)}-${int(rng, 1e9, 9e9)}-${alnum(24)}`,
    google: () => `AIza${alnum(35)}`,
    jwt: () => `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: String(int(rng, 1, 1e6)), iat: int(rng, 1.6e9, 1.8e9) })}.${alnum(43)}`,
    bearer: () => alnum(int(rng, 24, 48)),
    labelled: () => alnum(32),
    infura: () => hex(bytes(rng, 16)),
  }[shape]();
  const label = shape === 'bearer' ? 'Authorization: Bearer' : shape === 'labelled' ? pick(rng, ['api_key=', 'API key:', 'apikey:', 'x-api-key:']) : pick(rng, ['token', 'key', 'here:', '']);
  if (shape === 'infura') {
    const text = `${pick(rng, ['my rpc ', 'using ', 'RPC URL: ', ''])}https://${pick(rng, ['mainnet', 'polygon-mainnet', 'arbitrum-mainnet'])}.infura.io/v3/${v}${pick(rng, ['', ' is slow', '\nthanks'])}`;
    const start = text.indexOf(v);
    return { kind: 'api_key', form: shape, text, start, end: start + v.length };
  }
  return embed(rng, 'api_key', shape, label, v);
}

/** One secret in a realistic message, cycling through the kinds. */
export function secretSample(rng: Rng, i: number): SecretSample {
  switch (i % 5) {
    case 0: case 1: return seedPhrase(rng);
    case 2: return privateKey(rng);
    case 3: return cardNumber(rng);
    default: return credential(rng);
  }
}

export { ordinarySample } from './redaction-corpus-ordinary.ts';
