import type { Kysely } from 'kysely';
import type { Dialect } from '../store.ts';

/**
 * One schema step. Names sort in the order they run (`YYYYMMDDHH_module_what`); a released
 * migration is never edited, only followed by a new one. Use types both engines accept:
 * text, integer, bigint, double precision (`real` on SQLite is fine too).
 */
export interface Migration {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}
