import { OpsError, RateLimitedError, UnavailableError, ValidationError, redactUrl } from '../core/index.ts';

export class TelemetryStoreLockedError extends UnavailableError {
  override name = 'TelemetryStoreLockedError';
  constructor(file: string, cause: unknown) {
    super(`The telemetry store ${file} is in use by another process.`, {
      cause,
      retryable: false,
      metaMessages: ['A running `opsdesk serve` holds it: send the data to its OTLP receiver, or stop the server first.'],
    });
  }
}

export class TelemetryStoreUnavailableError extends UnavailableError {
  override name = 'TelemetryStoreUnavailableError';
  constructor(file: string, cause: unknown) {
    super(`The telemetry store ${file} cannot be used.`, { cause, metaMessages: ['Check that the data dir is writable and the disk is not full.'] });
  }
}

export class TelemetryBusyError extends RateLimitedError {
  override name = 'TelemetryBusyError';
  constructor(pendingRows: number, retryAfterSec: number) {
    super(`The telemetry writer is behind (${pendingRows} rows waiting).`, retryAfterSec, { metaMessages: ['Retry after the given delay, with backoff.'] });
  }
}

export class TelemetryPayloadError extends ValidationError {
  override name = 'TelemetryPayloadError';
  constructor(reason: string) {
    super(`The telemetry payload is not valid: ${reason}`, { metaMessages: ['Send an OTLP Export*ServiceRequest as application/json or application/x-protobuf.'] });
  }
}

export class TelemetryPayloadTooLargeError extends ValidationError {
  override name = 'TelemetryPayloadTooLargeError';
  readonly limitBytes: number;
  constructor(limitBytes: number) {
    super(`The telemetry payload is larger than ${limitBytes} bytes (after decompression).`, { metaMessages: ['Send smaller batches, or raise telemetry.maxRequestBytes.'], context: { limitBytes } });
    this.limitBytes = limitBytes;
  }
}

export class TelemetryQueryRangeError extends ValidationError {
  override name = 'TelemetryQueryRangeError';
  constructor(maxDays: number) {
    super(`The time range must end after it starts and span at most ${maxDays} days.`, { metaMessages: ['Narrow --from/--to, or raise telemetry.maxQueryRangeDays.'] });
  }
}

export class TelemetryFileError extends OpsError {
  override name = 'TelemetryFileError';
  constructor(path: string, cause: unknown) {
    super(`Cannot read ${path}.`, { code: 'VALIDATION', cause, metaMessages: ['Check the path and permissions.'] });
  }
}

export class PrometheusUnavailableError extends UnavailableError {
  override name = 'PrometheusUnavailableError';
  constructor(url: string, cause: unknown) {
    super(`Prometheus at ${redactUrl(url)} did not answer.`, { cause, metaMessages: ['Check telemetry.prometheusUrl and that the server is up.'] });
  }
}

export class PrometheusQueryError extends ValidationError {
  override name = 'PrometheusQueryError';
  constructor(promql: string, reason: string) {
    super(`Prometheus refused the query: ${reason}`, { context: { promql }, metaMessages: [`PromQL: ${promql}`] });
  }
}

export class PrometheusNotConfiguredError extends ValidationError {
  override name = 'PrometheusNotConfiguredError';
  constructor() {
    super('No Prometheus server is configured.', { metaMessages: ['Set telemetry.prometheusUrl (OPSDESK_TELEMETRY_PROMETHEUS_URL).'] });
  }
}
