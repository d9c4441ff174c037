import { isUtf8 } from 'node:buffer';
import { toEventColumns, type EventColumns } from './columns.ts';
import type { TelemetryEvent } from './event.ts';
import type { Adjustments } from './normalize/build.ts';
import { LineRecords } from './line-records.ts';
import type { Pipeline, Rejection } from './pipeline.ts';

/** What one chunk of JSON lines became: redacted events as columns, and the chunk's rejections (lines counted from 1 within the chunk). */
export interface ChunkResult {
  cols: EventColumns;
  /** Lines in the chunk (the last one may lack its newline). */
  lines: number;
  rejected: number;
  rejections: Rejection[];
  adjustments: Adjustments;
}

/**
 * Parses, normalises and redacts a chunk of whole JSON lines with `pipeline` (whose counts are taken
 * and reset). Bad lines are rejected one by one, exactly as the single-threaded reader does.
 */
export function ingestChunk(bytes: Buffer, source: string, pipeline: Pipeline): ChunkResult {
  const events: TelemetryEvent[] = [];
  const records = new LineRecords(pipeline, source);
  const take = (text: string | null, line: number) => records.take(line, text, events);
  let line = 0;
  if (isUtf8(bytes)) {
    const text = bytes.toString('utf8');
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      take(text.slice(start, nl), ++line);
      start = nl + 1;
    }
    if (start < text.length) take(text.slice(start), ++line);
  } else {
    let start = 0;
    for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, start)) {
      take(decodeLine(bytes, start, nl), ++line);
      start = nl + 1;
    }
    if (start < bytes.length) take(decodeLine(bytes, start, bytes.length), ++line);
  }
  records.build(events);
  return { cols: toEventColumns(events), lines: line, ...pipeline.takeCounts() };
}

/** A line as text, or null when it is not valid UTF-8. */
export function decodeLine(data: Buffer, start: number, end: number): string | null {
  const slice = data.subarray(start, end);
  return isUtf8(slice) ? slice.toString('utf8') : null;
}
