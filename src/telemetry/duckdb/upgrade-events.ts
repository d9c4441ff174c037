import type { DuckDBConnection } from '@duckdb/node-api';
import { userKeySql } from './user-key.ts';

/**
 * Brings an `events` table written by an earlier release up to `eventColumns`: adds `user_key` and
 * fills it for the rows already there, in one transaction (a crash leaves the old table, and the
 * next open tries again).
 */
export async function upgradeEventsTable(conn: DuckDBConnection): Promise<void> {
  const reader = await conn.runAndReadAll(`SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = 'events' AND column_name = 'user_key' AND schema_name = 'main'`);
  if (Number(reader.getRowObjectsJS()[0]?.n ?? 0) > 0) return;
  await conn.run('BEGIN TRANSACTION');
  try {
    await conn.run('ALTER TABLE events ADD COLUMN user_key UINTEGER');
    await conn.run(`UPDATE events SET user_key = ${userKeySql('user_id')} WHERE user_id IS NOT NULL`);
    await conn.run('COMMIT');
  } catch (err) {
    await conn.run('ROLLBACK');
    throw err;
  }
}
