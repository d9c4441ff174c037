/**
 * The ClickHouse telemetry schema, as versioned migrations (like src/storage/migrations): each runs
 * once per database and is recorded in `opsdesk_telemetry_migrations`. Written for ClickHouse 18.16
 * (Debian's package) and valid on newer servers; deploy/clickhouse/cluster.sql is the replicated,
 * sharded form of the same tables.
 */
export interface ChMigration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const migrationsTable = 'opsdesk_telemetry_migrations';

export const createMigrationsTable = `CREATE TABLE IF NOT EXISTS ${migrationsTable} (version UInt32, name String, applied_at DateTime) ENGINE = MergeTree ORDER BY version`;

const kindEnum = "Enum8('log' = 1, 'span' = 2, 'metric' = 3)";

/** Column order of `events` as the store inserts it (TabSeparated); `ts` is derived on the server (a DEFAULT, not MATERIALIZED: a Distributed table forwards it to the shards). */
export const insertColumns = [
  'ts_ms', 'kind', 'service', 'severity', 'is_error', 'name', 'route', 'status_code', 'duration_ms', 'chain', 'app_version', 'platform', 'country', 'rpc_provider',
  'user_id', 'device_id', 'address', 'tx_hash', 'trace_id', 'span_id', 'metric_name', 'metric_value', 'body', 'attrs',
] as const;

const str = 'Nullable(String)';

/**
 * events: one row per event. Partitioned by UTC day (retention drops whole days); sorted by hour,
 * service, route, time, so time-range queries read only the hours asked for and service/route
 * filters skip within them; identity lookups (user, device, address, tx, trace) are always bounded
 * by a time window (correlation: ±windowMin) and so read only those hours.
 */
const createEvents = `CREATE TABLE IF NOT EXISTS events (
  ts_ms Int64,
  ts DateTime('UTC') DEFAULT toDateTime(intDiv(ts_ms, 1000), 'UTC'),
  kind ${kindEnum},
  service ${str}, severity ${str}, is_error UInt8, name ${str}, route ${str},
  status_code Nullable(Int32), duration_ms Nullable(Float64),
  chain ${str}, app_version ${str}, platform ${str}, country ${str}, rpc_provider ${str},
  user_id ${str}, device_id ${str}, address ${str}, tx_hash ${str}, trace_id ${str}, span_id ${str},
  metric_name ${str}, metric_value Nullable(Float64),
  body ${str},
  attrs String
) ENGINE = MergeTree
PARTITION BY toDate(ts)
ORDER BY (toStartOfHour(ts), ifNull(service, ''), ifNull(route, ''), ts_ms)
SETTINGS index_granularity = 8192`;

/**
 * events_1m: per minute, per service/route/chain/status class/kind/error flag: the count and the
 * latency quantile state (p50/p95/p99 reservoir, exact up to 8192 values per row). Filled by the
 * materialized view on every insert; the series, top-N and monitor queries read it when their
 * filters and grouping fit (see rollup.ts). NULL and '' stay distinct (isNull() in the key).
 */
const createRollup = `CREATE TABLE IF NOT EXISTS events_1m (
  minute DateTime('UTC'),
  service ${str}, route ${str}, chain ${str}, status_class ${str},
  kind ${kindEnum}, is_error UInt8,
  n_state AggregateFunction(count),
  q_state AggregateFunction(quantilesIf(0.5, 0.95, 0.99), Float64, UInt8)
) ENGINE = AggregatingMergeTree
PARTITION BY toDate(minute)
ORDER BY (minute, isNull(service), ifNull(service, ''), isNull(route), ifNull(route, ''), isNull(chain), ifNull(chain, ''), isNull(status_class), ifNull(status_class, ''), kind, is_error)`;

const createRollupView = `CREATE MATERIALIZED VIEW IF NOT EXISTS events_1m_mv TO events_1m AS
SELECT toStartOfMinute(ts) AS minute, service, route, chain,
  if(isNull(status_code), NULL, concat(toString(intDiv(assumeNotNull(status_code), 100)), 'xx')) AS status_class,
  kind, is_error,
  countState() AS n_state,
  quantilesIfState(0.5, 0.95, 0.99)(assumeNotNull(duration_ms), isNotNull(duration_ms)) AS q_state
FROM events
GROUP BY minute, service, route, chain, status_class, kind, is_error`;

/** The identity kinds (`events_by_id`, `event_ids`), named as the EventFilter fields (and identityColumns keys). */
export const idKindEnum = "Enum8('userId' = 1, 'deviceId' = 2, 'address' = 3, 'txHash' = 4, 'traceId' = 5)";

/** The events columns after the two time columns, as declared in `events` (the lookup table copies them). */
const eventRowColumns = `kind ${kindEnum},
  service ${str}, severity ${str}, is_error UInt8, name ${str}, route ${str},
  status_code Nullable(Int32), duration_ms Nullable(Float64),
  chain ${str}, app_version ${str}, platform ${str}, country ${str}, rpc_provider ${str},
  user_id ${str}, device_id ${str}, address ${str}, tx_hash ${str}, trace_id ${str}, span_id ${str},
  metric_name ${str}, metric_value Nullable(Float64),
  body ${str},
  attrs String`;

/**
 * events_by_id: the entity-lookup table. One copy of the full event per identity it carries (user,
 * device, address, tx hash, trace), sorted by (id_kind, id_value, ts): "the events of one user" is a
 * primary-key range read instead of a scan of every hour in the window (ClickHouse 18.16 has no
 * data-skipping indexes). Full rows rather than pointers into `events`: measured ~6× faster than
 * narrowing `events` by (hour, ts_ms) from here, and a tuple IN on events' key does not use its index
 * on 18.16 (docs/telemetry-clickhouse.md). Same partitioning (UTC day) and retention as `events`.
 * Superseded and dropped by migration 4 (events_by_key + event_ids: one full copy per event).
 */
const createById = `CREATE TABLE IF NOT EXISTS events_by_id (
  id_kind ${idKindEnum},
  id_value String,
  ts_ms Int64,
  ts DateTime('UTC'),
  ${eventRowColumns}
) ENGINE = MergeTree
PARTITION BY toDate(ts)
ORDER BY (id_kind, id_value, ts)
SETTINGS index_granularity = 8192`;

/** events → events_by_id rows: one per non-NULL identity column (ARRAY JOIN). `source` is the events table the view reads. */
export function byIdSelect(source: string): string {
  const ids = "[tuple('userId', user_id), tuple('deviceId', device_id), tuple('address', address), tuple('txHash', tx_hash), tuple('traceId', trace_id)]";
  return `SELECT CAST(id.1 AS ${idKindEnum}) AS id_kind, assumeNotNull(id.2) AS id_value, ${['ts_ms', 'ts', ...insertColumns.slice(1)].join(', ')}
FROM ${source} ARRAY JOIN arrayFilter(x -> isNotNull(x.2), ${ids}) AS id`;
}

const createByIdView = `CREATE MATERIALIZED VIEW IF NOT EXISTS events_by_id_mv TO events_by_id AS
${byIdSelect('events')}`;

/** Events stored before this migration, copied once (rows inserted while it runs may be copied twice). */
const backfillById = `INSERT INTO events_by_id ${byIdSelect('events')}`;

/**
 * The identity columns in key order: an event's lookup key (`key_id`) is the first of them it carries.
 * userId first, so the lookup the issue targets (one user's events) is one key range with no indirection.
 */
const idColumns = [['userId', 'user_id'], ['deviceId', 'device_id'], ['address', 'address'], ['txHash', 'tx_hash'], ['traceId', 'trace_id']] as const;
const keyExpr = `coalesce(${idColumns.map(([, c]) => c).join(', ')})`;

/**
 * events_by_key (migration 4, replaces events_by_id): the full event ONCE, sorted by its key id (its
 * first identity: user, else device, address, tx hash, trace) and time, with a finer index (1024 rows
 * per mark) so one id's range reads little per part. Events without any identity are not in it.
 */
const createByKey = `CREATE TABLE IF NOT EXISTS events_by_key (
  key_id String,
  ts_ms Int64,
  ts DateTime('UTC'),
  ${eventRowColumns}
) ENGINE = MergeTree
PARTITION BY toDate(ts)
ORDER BY (key_id, ts_ms)
SETTINGS index_granularity = 1024`;

/** events → events_by_key rows (one per event that carries an identity). `source` is the events table the view reads. */
export function byKeySelect(source: string): string {
  return `SELECT assumeNotNull(${keyExpr}) AS key_id, ${['ts_ms', 'ts', ...insertColumns.slice(1)].join(', ')}
FROM ${source} WHERE isNotNull(${keyExpr})`;
}

/**
 * event_ids (migration 4): a pointer per identity of an event after its first (the key id): the identity kind,
 * cityHash64 of the value (a number sorts and stores far cheaper than the string; a collision only
 * reads more, the store re-checks the value on the full row), the time and the key id under which
 * the full row is in events_by_key. A device/address/tx/trace lookup reads its key range here, then
 * those key ids' ranges in events_by_key.
 */
const createIds = `CREATE TABLE IF NOT EXISTS event_ids (
  id_kind ${idKindEnum},
  id_hash UInt64,
  ts_ms Int64,
  key_id String
) ENGINE = MergeTree
PARTITION BY toDate(toDateTime(intDiv(ts_ms, 1000), 'UTC'))
ORDER BY (id_kind, id_hash, ts_ms)
SETTINGS index_granularity = 8192`;

/** events → event_ids rows: one per non-NULL identity after the first (the first is the key id). */
export function idsSelect(source: string): string {
  const ids = `[${idColumns.map(([k, c]) => `tuple('${k}', ${c})`).join(', ')}]`;
  // Dropping the first non-NULL id measured ~5% less server CPU than comparing each id with the key inside the lambda.
  return `SELECT CAST(id.1 AS ${idKindEnum}) AS id_kind, cityHash64(assumeNotNull(id.2)) AS id_hash, ts_ms, assumeNotNull(${keyExpr}) AS key_id
FROM ${source} ARRAY JOIN arraySlice(arrayFilter(x -> isNotNull(x.2), ${ids}), 2) AS id`;
}

export const migrations: readonly ChMigration[] = [
  { version: 1, name: 'events', statements: [createEvents] },
  { version: 2, name: 'events-1m-rollup', statements: [createRollup, createRollupView] },
  { version: 3, name: 'events-by-id', statements: [createById, createByIdView, backfillById] },
  {
    version: 4,
    name: 'events-by-key',
    // One full copy per event instead of one per identity (those copies doubled the server's insert CPU).
    // Events inserted between a view's creation and its backfill may be copied twice: upgrade with one writer.
    statements: [
      'DROP TABLE IF EXISTS events_by_id_mv',
      createByKey,
      `CREATE MATERIALIZED VIEW IF NOT EXISTS events_by_key_mv TO events_by_key AS\n${byKeySelect('events')}`,
      createIds,
      `CREATE MATERIALIZED VIEW IF NOT EXISTS event_ids_mv TO event_ids AS\n${idsSelect('events')}`,
      `INSERT INTO events_by_key ${byKeySelect('events')}`,
      `INSERT INTO event_ids ${idsSelect('events')}`,
      'DROP TABLE IF EXISTS events_by_id',
    ],
  },
];
