import { gunzipSync, inflateSync } from 'node:zlib';
import type { Clock } from '../core/index.ts';
import type { TelemetryEvent } from './event.ts';
import { TelemetryPayloadError, TelemetryPayloadTooLargeError } from './errors.ts';
import type { IngestLimits } from './normalize/build.ts';
import { OtlpShapeError, parseOtlpRequest, type OtlpSignal, type Parsed } from './normalize/otlp.ts';
import { decodeOtlpProtobuf, encodeOtlpResponse } from './otlp/protobuf.ts';
import { Pipeline } from './pipeline.ts';
import type { TelemetryWriter } from './writer.ts';
import { describeJsonError } from '../core/index.ts';

export interface OtlpIngestDeps {
  writer: TelemetryWriter;
  limits: IngestLimits;
  scrub: (text: string) => string;
  clock: Clock;
  maxRequestBytes: number;
}

export interface OtlpIngestResult {
  accepted: number;
  rejected: number;
  /** The Export*ServiceResponse to send, in the request's encoding. */
  body: Uint8Array | string;
  contentType: string;
}

const rejectedKey = { logs: 'rejectedLogRecords', traces: 'rejectedSpans', metrics: 'rejectedDataPoints' } as const;

/**
 * Handles one OTLP/HTTP export: decompresses (gzip/deflate, capped after decompression), decodes JSON
 * or protobuf, redacts and stores the records, and answers once they are durable, with partialSuccess
 * for the records it rejected. Throws 400-class errors for an unreadable payload, 413 over the cap
 * and TelemetryBusyError (429) when the writer is behind.
 */
export async function ingestOtlp(deps: OtlpIngestDeps, signal: OtlpSignal, raw: Uint8Array, contentType: string | undefined, contentEncoding: string | undefined): Promise<OtlpIngestResult> {
  const body = decompress(raw, contentEncoding, deps.maxRequestBytes);
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const protobufEncoded = type === 'application/x-protobuf' || type === 'application/protobuf';
  if (!protobufEncoded && type !== 'application/json') throw new TelemetryPayloadError(`unsupported Content-Type ${JSON.stringify(type)} (use application/json or application/x-protobuf)`);
  let request: unknown;
  try {
    request = protobufEncoded ? decodeOtlpProtobuf(signal, body) : JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch (err) {
    throw new TelemetryPayloadError(`cannot decode the ${protobufEncoded ? 'protobuf' : 'JSON'} body (${protobufEncoded ? (err as Error).message.slice(0, 200) : describeJsonError(err)})`);
  }
  let parsed: Parsed[];
  try {
    parsed = parseOtlpRequest(signal, request);
  } catch (err) {
    if (err instanceof OtlpShapeError) throw new TelemetryPayloadError(err.message);
    throw err;
  }
  const pipeline = new Pipeline(deps.limits, deps.scrub, deps.clock);
  const events: TelemetryEvent[] = [];
  pipeline.add(parsed, signal, -1, events);
  await deps.writer.submit(events);
  const response: Record<string, unknown> = {};
  if (pipeline.rejected > 0) {
    const shown = pipeline.rejections.slice(0, 5).map((r) => `#${r.line}: ${r.reason}`).join('; ');
    response.partialSuccess = { [rejectedKey[signal]]: pipeline.rejected, errorMessage: `${pipeline.rejected} rejected: ${shown}${pipeline.rejected > 5 ? '; …' : ''}` };
  }
  return protobufEncoded
    ? { accepted: events.length, rejected: pipeline.rejected, body: encodeOtlpResponse(signal, response), contentType: 'application/x-protobuf' }
    : { accepted: events.length, rejected: pipeline.rejected, body: JSON.stringify(response), contentType: 'application/json' };
}

function decompress(raw: Uint8Array, encoding: string | undefined, cap: number): Uint8Array {
  const enc = (encoding ?? 'identity').trim().toLowerCase();
  if (enc === 'identity' || enc === '') {
    if (raw.byteLength > cap) throw new TelemetryPayloadTooLargeError(cap);
    return raw;
  }
  if (enc !== 'gzip' && enc !== 'deflate') throw new TelemetryPayloadError(`unsupported Content-Encoding ${JSON.stringify(enc)} (use gzip)`);
  try {
    return enc === 'gzip' ? gunzipSync(raw, { maxOutputLength: cap }) : inflateSync(raw, { maxOutputLength: cap });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw new TelemetryPayloadTooLargeError(cap);
    throw new TelemetryPayloadError(`the ${enc} body cannot be decompressed`);
  }
}
