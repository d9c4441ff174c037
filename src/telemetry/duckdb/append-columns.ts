import duckdb, { type Vector } from '@duckdb/node-bindings';
import { DuckDBDataChunk, type DuckDBAppender, type DuckDBType } from '@duckdb/node-api';
import { stringFields, type EventColumns, type StringColumn, type StringField } from '../columns.ts';
import { eventKinds, severities } from '../event.ts';
import { userKeyOf } from './user-key.ts';

const chunkRows = 2048;
const encoder = new TextEncoder();
const kindBytes = eventKinds.map((k) => encoder.encode(k));
const severityBytes = severities.map((s) => encoder.encode(s));

/** Where each string field goes in the `events` table (see `eventColumns`). */
const stringColumnIndex: Record<StringField, number> = {
  service: 2, name: 5, route: 6, chain: 9, appVersion: 10, platform: 11, country: 12, rpcProvider: 13, userId: 14, deviceId: 15,
  address: 16, txHash: 17, traceId: 18, spanId: 19, metricName: 20, body: 22, attrs: 23,
};
const userKeyColumn = 24;

/**
 * Appends column batches through `appender` without one JS value per cell: numbers and strings of up
 * to 12 bytes (stored inline in DuckDB's `string_t`) are laid out in a scratch buffer that is copied
 * into the vector in one call; longer strings go through `duckdb_vector_assign_string_element_len`
 * from their UTF-8 bytes.
 */
export function appendColumns(appender: DuckDBAppender, types: readonly DuckDBType[], cols: EventColumns): void {
  for (let from = 0; from < cols.rows; from += chunkRows) {
    const n = Math.min(chunkRows, cols.rows - from);
    const chunk = DuckDBDataChunk.create(types, n);
    const raw = chunk.chunk;
    const vec = (c: number) => duckdb.data_chunk_get_vector(raw, c);
    writeTimestamps(vec(0), cols.tsMs, from, n);
    writeCodes(vec(1), cols.kind, kindBytes, 0, from, n);
    writeCodes(vec(3), cols.severity, severityBytes, 1, from, n);
    const isError = vec(4);
    duckdb.copy_data_to_vector(isError, 0, cols.isError.buffer as ArrayBuffer, cols.isError.byteOffset + from, n);
    writeNumbers(vec(7), cols.statusCode, from, n, 4);
    writeNumbers(vec(8), cols.durationMs, from, n, 8);
    writeNumbers(vec(21), cols.metricValue, from, n, 8);
    for (const f of stringFields) writeStrings(vec(stringColumnIndex[f]), cols.strings[f], from, n);
    writeUserKeys(vec(userKeyColumn), cols.strings.userId, from, n);
    appender.appendDataChunk(chunk);
  }
}

const scratch = new Uint8Array(chunkRows * 16);
const scratchView = new DataView(scratch.buffer);
const validity = new Uint8Array((chunkRows / 64) * 8);

function copyScratch(vector: Vector, bytes: number): void {
  duckdb.copy_data_to_vector(vector, 0, scratch.buffer, 0, bytes);
}

function copyValidity(vector: Vector, n: number): void {
  duckdb.vector_ensure_validity_writable(vector);
  duckdb.copy_data_to_vector_validity(vector, 0, validity.buffer, 0, Math.ceil(n / 64) * 8);
}

function setNull(i: number, hadNull: boolean): true {
  if (!hadNull) validity.fill(0xff);
  validity[i >> 3]! &= ~(1 << (i & 7));
  return true;
}

// TIMESTAMP is int64 microseconds; event times (after 2000, before 2^53 µs) split exactly into two uint32 halves.
function writeTimestamps(vector: Vector, tsMs: Float64Array, from: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const us = Math.round(tsMs[from + i]!) * 1000;
    const lo = us % 4294967296;
    scratchView.setUint32(i * 8, lo, true);
    scratchView.setUint32(i * 8 + 4, (us - lo) / 4294967296, true);
  }
  copyScratch(vector, n * 8);
}

function writeNumbers(vector: Vector, values: Float64Array, from: number, n: number, width: 4 | 8): void {
  let hadNull = false;
  for (let i = 0; i < n; i++) {
    const v = values[from + i]!;
    if (Number.isNaN(v)) {
      hadNull = setNull(i, hadNull);
      if (width === 4) scratchView.setInt32(i * 4, 0, true);
      else scratchView.setFloat64(i * 8, 0, true);
    } else if (width === 4) scratchView.setInt32(i * 4, v, true);
    else scratchView.setFloat64(i * 8, v, true);
  }
  copyScratch(vector, n * width);
  if (hadNull) copyValidity(vector, n);
}

function writeCodes(vector: Vector, codes: Uint8Array, words: readonly Uint8Array[], base: 0 | 1, from: number, n: number): void {
  scratch.fill(0, 0, n * 16);
  let hadNull = false;
  for (let i = 0; i < n; i++) {
    const code = codes[from + i]!;
    if (base === 1 && code === 0) {
      hadNull = setNull(i, hadNull);
      continue;
    }
    const word = words[code - base]!;
    scratchView.setUint32(i * 16, word.length, true);
    scratch.set(word, i * 16 + 4);
  }
  copyScratch(vector, n * 16);
  if (hadNull) copyValidity(vector, n);
}

function writeStrings(vector: Vector, col: StringColumn, from: number, n: number): void {
  scratch.fill(0, 0, n * 16);
  const { bytes, ends, nulls } = col;
  let hadNull = false;
  let long = 0;
  for (let i = 0; i < n; i++) {
    const r = from + i;
    if (nulls[r]) {
      hadNull = setNull(i, hadNull);
      continue;
    }
    const start = r ? ends[r - 1]! : 0;
    const len = ends[r]! - start;
    if (len > 12) {
      long++;
      continue;
    }
    const o = i * 16;
    scratchView.setUint32(o, len, true);
    for (let k = 0; k < len; k++) scratch[o + 4 + k] = bytes[start + k]!;
  }
  copyScratch(vector, n * 16);
  if (hadNull) copyValidity(vector, n);
  if (!long) return;
  // After the copy: assigning writes the long values' string_t (pointing into the vector's own heap).
  for (let i = 0; i < n; i++) {
    const r = from + i;
    if (nulls[r]) continue;
    const start = r ? ends[r - 1]! : 0;
    if (ends[r]! - start > 12) duckdb.vector_assign_string_element_len(vector, i, bytes.subarray(start, ends[r]!));
  }
}

/** `user_key` of each row: the key of its user id's UTF-8 bytes, null without one. */
function writeUserKeys(vector: Vector, userIds: StringColumn, from: number, n: number): void {
  const { bytes, ends, nulls } = userIds;
  let hadNull = false;
  for (let i = 0; i < n; i++) {
    const r = from + i;
    if (nulls[r]) {
      hadNull = setNull(i, hadNull);
      scratchView.setUint32(i * 4, 0, true);
      continue;
    }
    scratchView.setUint32(i * 4, userKeyOf(bytes.subarray(r ? ends[r - 1]! : 0, ends[r]!)), true);
  }
  copyScratch(vector, n * 4);
  if (hadNull) copyValidity(vector, n);
}
