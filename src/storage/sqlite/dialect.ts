import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';

/** SQLite runs DDL inside transactions; Kysely's adapter says no only to be safe for every driver. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Kysely's SQLite dialect with transactional DDL turned on, so the Migrator runs a whole migration
 * run in one transaction (as it does on PostgreSQL): a migration failing halfway leaves nothing applied.
 */
export class OpsdeskSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
