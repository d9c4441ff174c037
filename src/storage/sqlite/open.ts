import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { RelationalStore } from '../store.ts';
import { DatabaseUnavailableError } from '../errors.ts';
import { OpsdeskSqliteDialect } from './dialect.ts';

/** Opens (creating if needed) the embedded SQLite store: WAL, full sync, foreign keys on. */
export function openSqlite(file: string): RelationalStore {
  let raw: BetterSqlite3.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    raw = new BetterSqlite3(file);
    raw.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before it is acknowledged, even across power loss.
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new DatabaseUnavailableError(`Cannot open the SQLite database at ${file}.`, {
      cause: err,
      metaMessages: ['Check that the data dir exists, is writable, and that the file is not a different kind of file.'],
    });
  }
  const db = new Kysely<Database>({ dialect: new OpsdeskSqliteDialect({ database: raw }) });
  return {
    db,
    dialect: 'sqlite',
    capabilities: { skipLocked: false, multiProcess: false },
    describe: `sqlite:${file}`,
    close: () => db.destroy(),
  };
}
