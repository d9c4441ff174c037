import type { Config } from '../../core/index.ts';
import { ClickHouseTelemetryStore } from './store.ts';

/** Opens the ClickHouse telemetry store from `telemetry.clickhouse` (password from OPSDESK_TELEMETRY_CLICKHOUSE_PASSWORD). */
export function openClickHouseStore(c: Config['telemetry']['clickhouse']): Promise<ClickHouseTelemetryStore> {
  return ClickHouseTelemetryStore.open({
    url: c.url,
    database: c.database,
    user: c.user,
    password: c.password,
    requestTimeoutMs: c.requestTimeoutMs,
    rollup: c.rollup,
    batch: { minRows: c.batchRows, maxRows: c.maxInsertRows, maxDelayMs: c.flushIntervalMs },
  });
}
