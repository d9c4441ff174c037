import { isAbsolute, join } from 'node:path';
import { openPostgres } from './postgres/open.ts';
import { openSqlite } from './sqlite/open.ts';
import { migrateToLatest } from './migrate.ts';
import type { RelationalStore } from './store.ts';

export interface OpenStoreOptions {
  /** PostgreSQL URL; when absent the embedded SQLite file is used. */
  url?: string | undefined;
  dataDir: string;
  sqliteFile?: string;
  poolSize?: number;
  /** Run pending migrations (default true). */
  migrate?: boolean;
}

/** Opens the relational store chosen by configuration and migrates it to the latest schema. */
export async function openStore(options: OpenStoreOptions): Promise<RelationalStore> {
  const store = options.url
    ? await openPostgres(options.url, options.poolSize)
    : openSqlite(resolveSqlitePath(options.dataDir, options.sqliteFile ?? 'opsdesk.sqlite'));
  if (options.migrate !== false) {
    try {
      await migrateToLatest(store);
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}

function resolveSqlitePath(dataDir: string, file: string): string {
  if (file === ':memory:' || isAbsolute(file)) return file;
  return join(dataDir, file);
}
