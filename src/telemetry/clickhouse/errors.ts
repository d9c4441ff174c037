import { UnavailableError, redactUrl } from '../../core/index.ts';

/** The ClickHouse server did not answer or refused a statement; the message never carries the password. */
export class ClickHouseUnavailableError extends UnavailableError {
  override name = 'ClickHouseUnavailableError';
  constructor(url: string, database: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message.slice(0, 500) : String(cause);
    super(`The ClickHouse telemetry store ${redactUrl(url)} (database ${database}) cannot be used: ${reason}`, {
      metaMessages: ['Check telemetry.clickhouse.url/database/user, OPSDESK_TELEMETRY_CLICKHOUSE_PASSWORD, and that the server is up.'],
    });
  }
}
