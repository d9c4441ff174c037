import { createHash } from 'node:crypto';
import { base58 } from '@scure/base';

/** Decodes base58 (Bitcoin alphabet); undefined when a character is outside it. */
export function base58Decode(input: string): Uint8Array | undefined {
  try {
    return base58.decode(input);
  } catch {
    return undefined;
  }
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
