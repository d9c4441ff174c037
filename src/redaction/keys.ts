import { createPrivateKey, createPublicKey } from 'node:crypto';
import { base58CheckDecode, base58Decode } from './base58.ts';
import { labelBefore } from './labels.ts';

export interface Span {
  start: number;
  end: number;
}

const hex64 = /(?<![0-9A-Za-z])(?:0x)?[0-9a-fA-F]{64}(?![0-9A-Za-z])/g;
const wif = /(?<![0-9A-Za-z])[5KLc9][1-9A-HJ-NP-Za-km-z]{50,51}(?![0-9A-Za-z])/g;
const extendedPrivate = /(?<![0-9A-Za-z])[xyztuvYZUV]prv[1-9A-HJ-NP-Za-km-z]{100,112}(?![0-9A-Za-z])/g;
const base58Long = /(?<![0-9A-Za-z])[1-9A-HJ-NP-Za-km-z]{85,90}(?![0-9A-Za-z])/g;
const byteArray = /\[[\d\s,]{127,}\]/g;

/** Private keys: labelled 64-hex, WIF, extended private keys, Solana keypairs (base58 or byte arrays). */
export function findPrivateKeys(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(hex64)) {
    const start = m.index;
    if (insideUrl(text, start)) continue;
    if (labelBefore(text, start) === 'private') spans.push({ start, end: start + m[0].length });
  }
  for (const m of text.matchAll(wif)) {
    const payload = base58CheckDecode(m[0]);
    if (payload && (payload[0] === 0x80 || payload[0] === 0xef) && (payload.length === 33 || (payload.length === 34 && payload[33] === 1))) {
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  // The prefix alone says "extended private key"; a broken checksum is a typo, still a secret.
  for (const m of text.matchAll(extendedPrivate)) spans.push({ start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(base58Long)) {
    const bytes = base58Decode(m[0]);
    if (bytes?.length !== 64) continue;
    if (isEd25519Keypair(bytes) || labelBefore(text, m.index) === 'private') spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(byteArray)) {
    const parts = m[0].slice(1, -1).split(',');
    if (parts.length !== 64) continue;
    if (parts.every((p) => /^\s*\d{1,3}\s*$/.test(p) && Number(p) <= 255)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

function insideUrl(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 200), start);
  const lastSpace = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n'), before.lastIndexOf('\t'));
  return /https?:\/\/|www\./i.test(before.slice(lastSpace + 1));
}

const pkcs8Ed25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A Solana secret key is seed || public key: the second half is derived from the first. */
function isEd25519Keypair(bytes: Uint8Array): boolean {
  try {
    const key = createPrivateKey({ key: Buffer.concat([pkcs8Ed25519, bytes.subarray(0, 32)]), format: 'der', type: 'pkcs8' });
    const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
    return Buffer.compare(spki.subarray(spki.length - 32), bytes.subarray(32)) === 0;
  } catch {
    return false;
  }
}
