import { createHash } from 'node:crypto';

/** True when the word indices (11 bits each) form a BIP-39 entropy+checksum of a valid length. */
export function bip39ChecksumValid(indices: readonly number[]): boolean {
  const n = indices.length;
  if (n < 12 || n > 24 || n % 3 !== 0) return false;
  const totalBits = n * 11;
  const csBits = totalBits / 33;
  const entBytes = (totalBits - csBits) / 8;
  const bytes = new Uint8Array(entBytes + 1);
  let bit = 0;
  for (const idx of indices) {
    for (let b = 10; b >= 0; b--) {
      if ((idx >> b) & 1) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
      bit++;
    }
  }
  const hash = createHash('sha256').update(bytes.subarray(0, entBytes)).digest();
  const expected = hash[0]! >> (8 - csBits);
  const actual = bytes[entBytes]! >> (8 - csBits);
  return expected === actual;
}
