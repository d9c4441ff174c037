import { OpsError, UnavailableError } from '../core/index.ts';

export class DatabaseUnavailableError extends UnavailableError {
  override name = 'DatabaseUnavailableError';
}

export class DatabaseUrlInvalidError extends OpsError {
  override name = 'DatabaseUrlInvalidError';
  constructor(url: string) {
    super(`OPSDESK_DATABASE_URL is not a PostgreSQL URL: ${url}`, {
      code: 'VALIDATION',
      metaMessages: ['Use postgres://USER:PASSWORD@HOST:5432/DATABASE, or unset it to use the embedded SQLite store.'],
      docsPath: 'database-url',
    });
  }
}

export class MigrationFailedError extends OpsError {
  override name = 'MigrationFailedError';
  constructor(migration: string, cause: unknown) {
    super(`Database migration ${migration} failed; the database was left at the previous version.`, {
      code: 'INTERNAL',
      cause,
      metaMessages: ['Restore from backup or fix the database, then start again. See docs/operations.md.'],
    });
  }
}
