import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** A sortable, URL-safe id: `<prefix>_<10 chars of time><16 chars of randomness>` (ULID layout). */
export function newId(prefix: string, nowMs: number = Date.now()): string {
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = alphabet[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(10);
  let rand = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      rand += alphabet[(acc >>> (bits - 5)) & 31]!;
      bits -= 5;
    }
  }
  return `${prefix}_${time}${rand}`;
}

/** A random secret token for API tokens and sessions (base64url, 32 bytes). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
