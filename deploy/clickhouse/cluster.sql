-- OpsDesk telemetry on a multi-node ClickHouse cluster: the same tables as
-- src/telemetry/clickhouse/schema.ts, as ReplicatedMergeTree on every node and Distributed tables in
-- front of them. Run once with ON CLUSTER (or on every node without it). docs/telemetry-clickhouse.md
-- explains the mapping.
--
-- Assumes: a cluster named `opsdesk` in <remote_servers> (N shards x 2+ replicas), ZooKeeper/Keeper
-- configured, and the macros {shard} and {replica} set per node in <macros>.
-- Works on ClickHouse 18.16 as written. Lines marked `-- newer:` are for ClickHouse >= 20.x (see the doc)
-- and replace the line above them there.
--
-- OpsDesk then points telemetry.clickhouse.url at any node (or a load balancer) with
-- telemetry.clickhouse.database = opsdesk_telemetry: it reads and writes the Distributed tables, which
-- carry the names the store uses (`events`, `events_1m`, `events_by_key`, `event_ids`); the local tables are `*_local`.
-- OpsDesk's own migrations table records that these versions exist, so the store does not create the
-- single-node tables on top of them:

CREATE DATABASE IF NOT EXISTS opsdesk_telemetry ON CLUSTER opsdesk;

-- 1. Raw events, one replicated table per shard. ---------------------------------------------------

CREATE TABLE IF NOT EXISTS opsdesk_telemetry.events_local ON CLUSTER opsdesk (
  ts_ms Int64,
  ts DateTime('UTC') DEFAULT toDateTime(intDiv(ts_ms, 1000), 'UTC'),
  kind Enum8('log' = 1, 'span' = 2, 'metric' = 3),
  service Nullable(String),          -- newer: LowCardinality(Nullable(String))
  severity Nullable(String),         -- newer: LowCardinality(Nullable(String))
  is_error UInt8,
  name Nullable(String),
  route Nullable(String),            -- newer: LowCardinality(Nullable(String))
  status_code Nullable(Int32),
  duration_ms Nullable(Float64),     -- newer: Nullable(Float64) CODEC(Gorilla, ZSTD(1))
  chain Nullable(String),            -- newer: LowCardinality(Nullable(String))
  app_version Nullable(String),      -- newer: LowCardinality(Nullable(String))
  platform Nullable(String),         -- newer: LowCardinality(Nullable(String))
  country Nullable(String),          -- newer: LowCardinality(Nullable(String))
  rpc_provider Nullable(String),     -- newer: LowCardinality(Nullable(String))
  user_id Nullable(String),
  device_id Nullable(String),
  address Nullable(String),
  tx_hash Nullable(String),
  trace_id Nullable(String),
  span_id Nullable(String),
  metric_name Nullable(String),      -- newer: LowCardinality(Nullable(String))
  metric_value Nullable(Float64),
  body Nullable(String),             -- newer: Nullable(String) CODEC(ZSTD(3))
  attrs String                       -- newer: String CODEC(ZSTD(3))
  -- newer: , INDEX idx_user user_id TYPE bloom_filter(0.01) GRANULARITY 4
  -- newer: , INDEX idx_device device_id TYPE bloom_filter(0.01) GRANULARITY 4
  -- newer: , INDEX idx_address address TYPE bloom_filter(0.01) GRANULARITY 4
  -- newer: , INDEX idx_tx tx_hash TYPE bloom_filter(0.01) GRANULARITY 4
  -- newer: , INDEX idx_trace trace_id TYPE bloom_filter(0.01) GRANULARITY 4
) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/opsdesk_telemetry/events_local', '{replica}')
PARTITION BY toDate(ts)
ORDER BY (toStartOfHour(ts), ifNull(service, ''), ifNull(route, ''), ts_ms)
-- newer: TTL ts + INTERVAL 30 DAY DELETE          (telemetry.retentionDays; OpsDesk's retention then finds nothing to do)
SETTINGS index_granularity = 8192;

-- Rows are spread by trace when there is one (a trace's spans and logs stay on one shard), else by
-- user, else at random; every query fans out to all shards and merges.
CREATE TABLE IF NOT EXISTS opsdesk_telemetry.events ON CLUSTER opsdesk AS opsdesk_telemetry.events_local
ENGINE = Distributed(opsdesk, opsdesk_telemetry, events_local, cityHash64(ifNull(trace_id, ifNull(user_id, toString(rand())))));

-- 2. Per-minute rollup, per shard, fed by a materialized view on the local events table. -----------

CREATE TABLE IF NOT EXISTS opsdesk_telemetry.events_1m_local ON CLUSTER opsdesk (
  minute DateTime('UTC'),
  service Nullable(String), route Nullable(String), chain Nullable(String), status_class Nullable(String),
  kind Enum8('log' = 1, 'span' = 2, 'metric' = 3), is_error UInt8,
  n_state AggregateFunction(count),
  q_state AggregateFunction(quantilesIf(0.5, 0.95, 0.99), Float64, UInt8)
) ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/opsdesk_telemetry/events_1m_local', '{replica}')
PARTITION BY toDate(minute)
ORDER BY (minute, isNull(service), ifNull(service, ''), isNull(route), ifNull(route, ''), isNull(chain), ifNull(chain, ''), isNull(status_class), ifNull(status_class, ''), kind, is_error);
-- newer: TTL minute + INTERVAL 30 DAY DELETE

CREATE MATERIALIZED VIEW IF NOT EXISTS opsdesk_telemetry.events_1m_mv ON CLUSTER opsdesk TO opsdesk_telemetry.events_1m_local AS
SELECT toStartOfMinute(ts) AS minute, service, route, chain,
  if(isNull(status_code), NULL, concat(toString(intDiv(assumeNotNull(status_code), 100)), 'xx')) AS status_class,
  kind, is_error,
  countState() AS n_state,
  quantilesIfState(0.5, 0.95, 0.99)(assumeNotNull(duration_ms), isNotNull(duration_ms)) AS q_state
FROM opsdesk_telemetry.events_local
GROUP BY minute, service, route, chain, status_class, kind, is_error;

-- The rollup's Distributed table: -Merge over all shards' states gives exact counts and merged quantiles.
CREATE TABLE IF NOT EXISTS opsdesk_telemetry.events_1m ON CLUSTER opsdesk AS opsdesk_telemetry.events_1m_local
ENGINE = Distributed(opsdesk, opsdesk_telemetry, events_1m_local, rand());

-- 3. Id lookup tables (migration 4, events-by-key; it replaced migration 3's events_by_id). ----------------
-- events_by_key: every event that carries an identity, ONCE, under its key id (its user id, else device,
-- address, tx hash, trace id), sorted by (key_id, ts_ms), so "the events of one user" is one primary-key
-- range (18.16 has no data-skipping indexes). event_ids: a pointer per other identity of an event
-- (kind, cityHash64(value), ts_ms, key_id), so a device / address / tx / trace lookup reads its pointers,
-- then those key ids' ranges of events_by_key (two queries: the store reads the key ids from event_ids,
-- then sends them as literals, `key_id IN ('u1', …)`). Both sharded by the value they are looked up by: all rows of one key id on ONE shard,
-- all pointers of one id on ONE shard. On 18.16 the Distributed table still sends the query to every
-- shard (the others find an empty key range in their index, a few KB read); newer servers with
-- optimize_skip_unused_shards = 1 send it only to that shard.

CREATE TABLE IF NOT EXISTS opsdesk_telemetry.events_by_key_local ON CLUSTER opsdesk (
  key_id String,
  ts_ms Int64,
  ts DateTime('UTC'),
  kind Enum8('log' = 1, 'span' = 2, 'metric' = 3),
  service Nullable(String), severity Nullable(String), is_error UInt8, name Nullable(String), route Nullable(String),
  status_code Nullable(Int32), duration_ms Nullable(Float64),
  chain Nullable(String), app_version Nullable(String), platform Nullable(String), country Nullable(String), rpc_provider Nullable(String),
  user_id Nullable(String), device_id Nullable(String), address Nullable(String), tx_hash Nullable(String), trace_id Nullable(String), span_id Nullable(String),
  metric_name Nullable(String), metric_value Nullable(Float64),
  body Nullable(String),
  attrs String
) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/opsdesk_telemetry/events_by_key_local', '{replica}')
PARTITION BY toDate(ts)
ORDER BY (key_id, ts_ms)
-- newer: TTL ts + INTERVAL 30 DAY DELETE          (the same retention as events_local)
SETTINGS index_granularity = 1024;

CREATE TABLE IF NOT EXISTS opsdesk_telemetry.events_by_key ON CLUSTER opsdesk AS opsdesk_telemetry.events_by_key_local
ENGINE = Distributed(opsdesk, opsdesk_telemetry, events_by_key_local, cityHash64(key_id));

CREATE TABLE IF NOT EXISTS opsdesk_telemetry.event_ids_local ON CLUSTER opsdesk (
  id_kind Enum8('userId' = 1, 'deviceId' = 2, 'address' = 3, 'txHash' = 4, 'traceId' = 5),
  id_hash UInt64,
  ts_ms Int64,
  key_id String
) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/opsdesk_telemetry/event_ids_local', '{replica}')
PARTITION BY toDate(toDateTime(intDiv(ts_ms, 1000), 'UTC'))
ORDER BY (id_kind, id_hash, ts_ms)
-- newer: TTL toDateTime(intDiv(ts_ms, 1000), 'UTC') + INTERVAL 30 DAY DELETE
SETTINGS index_granularity = 8192;

CREATE TABLE IF NOT EXISTS opsdesk_telemetry.event_ids ON CLUSTER opsdesk AS opsdesk_telemetry.event_ids_local
ENGINE = Distributed(opsdesk, opsdesk_telemetry, event_ids_local, id_hash);

-- Fed from each shard's events_local (a view fires once per INSERT on the replica that received it, not
-- on replication fetches) and written through the Distributed tables, which route each row to its shard.
CREATE MATERIALIZED VIEW IF NOT EXISTS opsdesk_telemetry.events_by_key_mv ON CLUSTER opsdesk TO opsdesk_telemetry.events_by_key AS
SELECT assumeNotNull(coalesce(user_id, device_id, address, tx_hash, trace_id)) AS key_id,
  ts_ms, ts, kind, service, severity, is_error, name, route, status_code, duration_ms, chain, app_version, platform, country, rpc_provider,
  user_id, device_id, address, tx_hash, trace_id, span_id, metric_name, metric_value, body, attrs
FROM opsdesk_telemetry.events_local
WHERE isNotNull(coalesce(user_id, device_id, address, tx_hash, trace_id));

CREATE MATERIALIZED VIEW IF NOT EXISTS opsdesk_telemetry.event_ids_mv ON CLUSTER opsdesk TO opsdesk_telemetry.event_ids AS
SELECT CAST(id.1 AS Enum8('userId' = 1, 'deviceId' = 2, 'address' = 3, 'txHash' = 4, 'traceId' = 5)) AS id_kind,
  cityHash64(assumeNotNull(id.2)) AS id_hash, ts_ms, assumeNotNull(coalesce(user_id, device_id, address, tx_hash, trace_id)) AS key_id
FROM opsdesk_telemetry.events_local
ARRAY JOIN arraySlice(arrayFilter(x -> isNotNull(x.2),
  [tuple('userId', user_id), tuple('deviceId', device_id), tuple('address', address), tuple('txHash', tx_hash), tuple('traceId', trace_id)]), 2) AS id;

-- Upgrading a cluster at version 3 (it has events_by_id_local / events_by_id / events_by_id_mv), with one writer:
--   DROP TABLE IF EXISTS opsdesk_telemetry.events_by_id_mv ON CLUSTER opsdesk;
--   the statements of this section;
--   once, on one node: INSERT INTO opsdesk_telemetry.events_by_key SELECT <the events_by_key_mv SELECT, FROM opsdesk_telemetry.events>
--                  and INSERT INTO opsdesk_telemetry.event_ids SELECT <the event_ids_mv SELECT, FROM opsdesk_telemetry.events>;
--   DROP TABLE IF EXISTS opsdesk_telemetry.events_by_id ON CLUSTER opsdesk;
--   DROP TABLE IF EXISTS opsdesk_telemetry.events_by_id_local ON CLUSTER opsdesk;
--   then record version 4 below.

-- 4. Tell OpsDesk the schema is in place (its migrations table, replicated too). -------------------

CREATE TABLE IF NOT EXISTS opsdesk_telemetry.opsdesk_telemetry_migrations_local ON CLUSTER opsdesk (version UInt32, name String, applied_at DateTime)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/opsdesk_telemetry/migrations', '{replica}') ORDER BY version;
CREATE TABLE IF NOT EXISTS opsdesk_telemetry.opsdesk_telemetry_migrations ON CLUSTER opsdesk AS opsdesk_telemetry.opsdesk_telemetry_migrations_local
ENGINE = Distributed(opsdesk, opsdesk_telemetry, opsdesk_telemetry_migrations_local, rand());
-- Run once, on one node, after the tables above exist everywhere:
-- INSERT INTO opsdesk_telemetry.opsdesk_telemetry_migrations_local VALUES (1, 'events', now()), (2, 'events-1m-rollup', now()), (3, 'events-by-id', now()), (4, 'events-by-key', now());
-- (Version 3's events_by_id was replaced by version 4's tables; a new cluster never creates it.)
-- (into the _local table of ONE shard; the Distributed table reads the union, so each version is seen once.)

-- Retention on the cluster: OpsDesk's retention sees that `events` is Distributed and leaves it alone
-- (partitions cannot be dropped through a Distributed table); use the TTL lines above (newer
-- servers), or run retention per node on the *_local tables, e.g. from cron:
--   ALTER TABLE opsdesk_telemetry.events_local ON CLUSTER opsdesk DROP PARTITION '2026-10-01';
--   ALTER TABLE opsdesk_telemetry.events_1m_local ON CLUSTER opsdesk DROP PARTITION '2026-10-01';
--   ALTER TABLE opsdesk_telemetry.events_by_key_local ON CLUSTER opsdesk DROP PARTITION '2026-10-01';
--   ALTER TABLE opsdesk_telemetry.event_ids_local ON CLUSTER opsdesk DROP PARTITION '2026-10-01';
