import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { redactUrl } from '../../core/index.ts';
import type { Database } from '../schema.ts';
import type { RelationalStore } from '../store.ts';
import { DatabaseUnavailableError, DatabaseUrlInvalidError } from '../errors.ts';

/** Connects to PostgreSQL, verifying the connection before returning. */
export async function openPostgres(url: string, poolSize = 10): Promise<RelationalStore> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlInvalidError(redactUrl(url));
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new DatabaseUrlInvalidError(redactUrl(url));
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    const code = (err as { code?: string }).code;
    throw new DatabaseUnavailableError(`Cannot connect to PostgreSQL at ${redactUrl(url)}${code ? ` (${code})` : ''}.`, {
      cause: err,
      metaMessages: [
        'Check that PostgreSQL is running and reachable, and that the user, password and database in OPSDESK_DATABASE_URL are right.',
        'Unset OPSDESK_DATABASE_URL to use the embedded SQLite store instead.',
      ],
      context: { code },
      docsPath: 'database-unavailable',
    });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    capabilities: { skipLocked: true, multiProcess: true },
    describe: `postgres:${redactUrl(url)}`,
    close: () => db.destroy(),
  };
}
