import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

/** What an engine can do; shared code asks these instead of branching on the dialect. */
export interface StoreCapabilities {
  /** `SELECT … FOR UPDATE SKIP LOCKED`, so several replicas can claim jobs safely. */
  skipLocked: boolean;
  /** Several processes may share the database (PostgreSQL yes; SQLite is one writer process). */
  multiProcess: boolean;
}

export type Db = Kysely<Database>;

export interface RelationalStore {
  db: Db;
  dialect: Dialect;
  capabilities: StoreCapabilities;
  /** A description safe to print (no password). */
  describe: string;
  close(): Promise<void>;
}
