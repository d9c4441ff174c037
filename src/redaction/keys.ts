import { createPrivateKey } from 'node:crypto';
import { base58CheckDecode, base58Decode } from './base58.ts';
import { labelBefore } from './labels.ts';

export interface Span {
  start: number;
  end: number;
}

const longRun = /[0-9A-Za-z]{25,}/g;
const hex64 = /^(?:0x)?[0-9a-fA-F]{64}$/;
const wif = /^[5KLc9][1-9A-HJ-NP-Za-km-z]{50,51}$/;
const extendedPrivate = /^[xyztuvYZUV]prv[1-9A-HJ-NP-Za-km-z]{100,112}$/;
const base58Long = /^[1-9A-HJ-NP-Za-km-z]{85,90}$/;
const byteArray = /\[[\d\s,]{127,}\]/g;

/** Private keys: labelled 64-hex, WIF, extended private keys, Solana keypairs (base58 or byte arrays). */
export function findPrivateKeys(text: string): Span[] {
  const spans: Span[] = [];
  // one scan for long alphanumeric runs, then classify each by shape
  for (const m of text.matchAll(longRun)) {
    const run = m[0];
    const start = m.index;
    const end = start + run.length;
    const len = run.length;
    if ((len === 64 || len === 66) && hex64.test(run)) {
      if (!insideUrl(text, start) && labelBefore(text, start) === 'private') spans.push({ start, end });
    } else if ((len === 51 || len === 52) && wif.test(run)) {
      const payload = base58CheckDecode(run);
      if (payload && (payload[0] === 0x80 || payload[0] === 0xef) && (payload.length === 33 || (payload.length === 34 && payload[33] === 1))) spans.push({ start, end });
    } else if (len >= 104 && extendedPrivate.test(run)) {
      // The prefix alone says "extended private key"; a broken checksum is a typo, still a secret.
      spans.push({ start, end });
    } else if (len >= 85 && len <= 90 && base58Long.test(run)) {
      const bytes = base58Decode(run);
      if (bytes?.length === 64 && isSolanaKeypair(text, start, bytes)) spans.push({ start, end });
    }
  }
  if (text.includes('[')) {
    for (const m of text.matchAll(byteArray)) {
      const parts = m[0].slice(1, -1).split(',');
      if (parts.length !== 64) continue;
      if (parts.every((p) => /^\s*\d{1,3}\s*$/.test(p) && Number(p) <= 255)) spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return spans;
}

function insideUrl(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 200), start);
  const lastSpace = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n'), before.lastIndexOf('\t'));
  return /https?:\/\/|www\./i.test(before.slice(lastSpace + 1));
}

// 64 bytes in base58 are a Solana signature (R || S) or a secret key (seed || public key).
function isSolanaKeypair(text: string, start: number, bytes: Uint8Array): boolean {
  const label = labelBefore(text, start);
  if (label === 'private') return true;
  if (label === 'public' || insideUrl(text, start)) return false;
  // a signature's S is below the group order (< 2^253): its last byte is at most 0x10
  if (bytes[63]! > 0x10) return true;
  return isEd25519Keypair(bytes);
}

/** A Solana secret key is seed || public key: the second half is derived from the first. */
function isEd25519Keypair(bytes: Uint8Array): boolean {
  const claimed = Buffer.from(bytes.subarray(32)).toString('base64url');
  try {
    // the JWK import is several times cheaper than a PKCS#8 decode; a runtime that checks x against d throws on a mismatch
    const key = createPrivateKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(bytes.subarray(0, 32)).toString('base64url'), x: claimed } });
    return key.export({ format: 'jwk' }).x === claimed;
  } catch {
    return false;
  }
}
