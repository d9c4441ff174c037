import type { TelemetryService } from '../../telemetry/index.ts';
import type { OtlpBatch } from './otlp.ts';

/**
 * Sends a batch through the OTLP receiver's own entry point (TelemetryService.ingestOtlp), so the
 * demo rows are parsed, limited, redacted and group-committed exactly as exported telemetry is.
 */
export async function ingestBatch(telemetry: TelemetryService, batch: OtlpBatch): Promise<{ accepted: number; rejected: number }> {
  let accepted = 0;
  let rejected = 0;
  for (const [signal, request] of [['traces', batch.tracesRequest()], ['logs', batch.logsRequest()]] as const) {
    if (!request) continue;
    const res = await telemetry.ingestOtlp(signal, Buffer.from(JSON.stringify(request)), 'application/json', undefined);
    accepted += res.accepted;
    rejected += res.rejected;
  }
  return { accepted, rejected };
}
