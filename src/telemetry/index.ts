export { TelemetryService, openTelemetry, type TelemetryConfig } from './service.ts';
export { DuckDbTelemetryStore, type DuckDbStoreOptions } from './duckdb/store.ts';
export { ClickHouseTelemetryStore, type ClickHouseStoreOptions } from './clickhouse/store.ts';
export { PrometheusConnector, toPromQl, promName, type PrometheusOptions } from './prometheus/connector.ts';
export { TelemetryWriter } from './writer.ts';
export { ingestFiles, type IngestFilesOptions } from './ingest-file.ts';
export { ingestOtlp, type OtlpIngestResult, type OtlpIngestDeps } from './ingest-otlp.ts';
export { correlate, CorrelateInput, type Correlation, type TraceLink } from './correlate.ts';
export { compareSeries, compareOffsets, type CompareOffset, type Comparison, type WindowTotals } from './compare.ts';
export { queryEvents, querySeries, queryTop, queryMetric, checkRange } from './query.ts';
export { encodeOtlpProtobuf, decodeOtlpProtobuf } from './otlp/protobuf.ts';
export { defaultLimits, type IngestLimits, type Adjustments } from './normalize/build.ts';
export type { OtlpSignal } from './normalize/otlp.ts';
export type { IngestReport, Rejection } from './pipeline.ts';
export {
  EventFilter,
  EventsQuery,
  SeriesQuery,
  TopQuery,
  MetricSeriesQuery,
  type StoredEvent,
  type SeriesRow,
  type TopRow,
  type MetricPoint,
  type MetricSource,
  type TelemetryStore,
  type RetentionPolicy,
  type StoreStats,
} from './store.ts';
export { dimensions, dimensionColumns, identityColumns, eventKinds, severities, GroupKey, telemetryEvent, type TelemetryEvent, type Dimension, type EventKind, type Severity } from './event.ts';
export {
  TelemetryStoreLockedError,
  TelemetryStoreUnavailableError,
  TelemetryBusyError,
  TelemetryPayloadError,
  TelemetryPayloadTooLargeError,
  TelemetryQueryRangeError,
  TelemetryFileError,
  PrometheusUnavailableError,
  PrometheusQueryError,
  PrometheusNotConfiguredError,
} from './errors.ts';
export { queryFromParams, parseDurationSec, queryKinds, type QueryKind, type ParsedQuery, type FlatParams } from './params.ts';
