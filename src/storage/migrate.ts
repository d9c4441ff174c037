import { Migrator, type Migration as KyselyMigration } from 'kysely';
import { migrations as allMigrations, type Migration } from './migrations/index.ts';
import type { RelationalStore } from './store.ts';
import { MigrationFailedError } from './errors.ts';

export interface MigrationReport {
  applied: string[];
  current: string | undefined;
}

/**
 * Brings the schema up to date; runs on every start. Concurrent replicas wait on Kysely's lock. The
 * whole run is one transaction on both engines: if a migration fails, none of the run is applied.
 */
export async function migrateToLatest(store: RelationalStore, migrations: readonly Migration[] = allMigrations): Promise<MigrationReport> {
  // Kysely silently runs without a transaction when the adapter denies transactional DDL; refuse instead.
  if (!store.db.getExecutor().adapter.supportsTransactionalDdl) throw new Error(`the ${store.dialect} store's Kysely adapter does not run migrations in a transaction`);
  const record: Record<string, KyselyMigration> = {};
  for (const m of migrations) record[m.name] = { up: (db) => m.up(db, store.dialect) };
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => record },
    migrationTableName: 'opsdesk_migrations',
    migrationLockTableName: 'opsdesk_migrations_lock',
    disableTransactions: false,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new MigrationFailedError(failed?.migrationName ?? 'unknown', error);
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, current: migrations.at(-1)?.name };
}
