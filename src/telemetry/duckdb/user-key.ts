import { hash } from 'node:crypto';

/**
 * The `user_key` column: 32 bits of the md5 of `user_id` (its UTF-8 bytes), stored beside it so one
 * user's events are found by scanning a 4-byte integer column instead of the strings (or keeping an
 * ART index, which costs bulk loads more than the rest of the insert). Lookups compare both, so a
 * collision only costs reading a row. md5 because DuckDB and Node compute it alike and it does not
 * change between versions (DuckDB's `hash()` may); the key is the digest's first four bytes read
 * little-endian, which is the low 32 bits of DuckDB's `md5_number`.
 */
export function userKeySql(text: string): string {
  return `(md5_number(${text}) & 4294967295::UHUGEINT)::UINTEGER`;
}

/** The key of one user id (a string, or its UTF-8 bytes). */
export function userKeyOf(userId: string | Uint8Array): number {
  return hash('md5', userId, 'buffer').readUInt32LE(0);
}
