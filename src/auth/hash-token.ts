import { createHash } from 'node:crypto';

/** Tokens and session ids are stored only as SHA-256 hashes. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
