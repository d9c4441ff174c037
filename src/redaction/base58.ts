import { createHash } from 'node:crypto';

const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const map = new Int8Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) map[alphabet.charCodeAt(i)] = i;

/** Decodes base58 (Bitcoin alphabet); undefined when a character is outside it. */
export function base58Decode(input: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const v = c < 128 ? map[c]! : -1;
    if (v < 0) return undefined;
    let carry = v;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j]! * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  let zeros = 0;
  while (zeros < input.length && input[zeros] === '1') zeros++;
  const out = new Uint8Array(zeros + bytes.length);
  for (let i = 0; i < bytes.length; i++) out[out.length - 1 - i] = bytes[i]!;
  return out;
}

/** Decodes base58check; the payload without its 4-byte checksum, or undefined when invalid. */
export function base58CheckDecode(input: string): Uint8Array | undefined {
  const raw = base58Decode(input);
  if (!raw || raw.length < 5) return undefined;
  const payload = raw.subarray(0, raw.length - 4);
  const sum = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest();
  for (let i = 0; i < 4; i++) if (sum[i] !== raw[raw.length - 4 + i]) return undefined;
  return payload;
}
