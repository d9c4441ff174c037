import { cleanValueChars } from '../../redaction/index.ts';
import { aliasToColumn } from '../event.ts';
import { pairLabel, publicId, type IngestLimits, type StringColumn } from './build.ts';
import { bodyKeys, ecsDurationKeys, errorKeys, kindKeys, levelKeys, metricNameKeys, nameKeys, shapeOfRecord, timeKeys } from './records.ts';

/** The JSON type a key's values have in every line of the plan. */
export type FlatType = 'string' | 'number' | 'boolean';

/** What one key of a flat event becomes (as `fromFlat` + `buildEvent` decide it when every check of the plan holds). */
export type FlatRole =
  | { role: 'time' }
  | { role: 'severity' }
  /** `status` taken as the level: a number from 100 becomes the status code. */
  | { role: 'statusFromLevel' }
  | { role: 'error' }
  | { role: 'name' }
  | { role: 'body' }
  | { role: 'column'; column: StringColumn | 'statusCode' | 'durationMs' }
  | { role: 'attr' };

export interface FlatKey {
  key: string;
  type: FlatType;
  role: FlatRole;
}

/**
 * A file of flat JSON-lines events that all have the same keys, in the same order, with the same
 * value types: the store can read such lines itself (see `ingest-flat.ts`). Lines that differ in
 * any way are handed back and go through the ordinary pipeline.
 */
export interface FlatPlan {
  /** Every key of a line, in line order. */
  keys: FlatKey[];
  /** Lines written with a space after each colon and comma (Python's json.dumps), else compact (JSON.stringify). */
  spaced: boolean;
  /** Every line ends with CR LF (Windows exports); set by the file reader, which strips the CR before planning. */
  crlf?: boolean;
  limits: IngestLimits;
}

// A key that JavaScript objects would reorder (array index), or that JSON paths and SQL could not carry plainly.
function isUnsafeKey(key: string): boolean {
  return /^(0|[1-9]\d*)$|["\\]/.test(key) || [...key].some((c) => c.charCodeAt(0) < 32);
}

/** Lines read to decide a plan. */
export const planSampleLines = 200;

/**
 * The plan of the shape most sampled lines share, or the reason there is none (then the whole file
 * takes the ordinary path). `scrubKey` is the redaction every attribute key goes through.
 */
export function planFlatLines(lines: readonly string[], limits: IngestLimits, scrubKey: (key: string) => string): FlatPlan | { none: string } {
  if (!lines.length) return { none: 'no lines to sample' };
  const samples: unknown[] = [];
  for (const line of lines) {
    try {
      samples.push(JSON.parse(line));
    } catch {
      samples.push(undefined);
    }
  }
  // The shape most sampled lines share (keys in order, value types); at least half must share it.
  const shapes = new Map<string, number[]>();
  samples.forEach((value, i) => {
    const sig = signatureOf(value);
    if (sig !== undefined) shapes.set(sig, [...(shapes.get(sig) ?? []), i]);
  });
  const [, members] = [...shapes].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  if (members.length * 2 < samples.length) return { none: 'the sampled lines do not share one set of keys and value types' };
  const record = samples[members[0]!] as Record<string, unknown>;
  if (shapeOfRecord(record) !== 'flat') return { none: `the lines are ${shapeOfRecord(record)} records` };
  const keys = Object.keys(record);
  const types = keys.map((k) => typeOf(record[k])!);
  for (const key of keys) if (isUnsafeKey(key) || key.length > 256) return { none: `key "${key.slice(0, 40)}" needs the ordinary path` };
  // DuckDB's struct fields ignore case: keys that differ only in case stay on the ordinary path.
  if (new Set(keys.map((k) => k.toLowerCase())).size !== keys.length) return { none: 'two keys differ only in case' };
  const roles = rolesOf(keys, types);
  if ('none' in roles) return roles;
  let attrs = 0;
  for (let i = 0; i < keys.length; i++) {
    if (roles[i]!.role !== 'attr') continue;
    attrs++;
    if (scrubKey(keys[i]!) !== keys[i]) return { none: `attribute key "${keys[i]!.slice(0, 40)}" is redacted` };
  }
  if (attrs > limits.maxAttributes) return { none: `more than ${limits.maxAttributes} attributes per line` };
  for (let i = 0; i < keys.length; i++) {
    const r = roles[i]!;
    if (r.role === 'column' && r.column !== 'statusCode' && r.column !== 'durationMs' && types[i] === 'number' && cleanValueChars(pairLabel(keys[i]!)) === 0) return { none: `numbers under "${keys[i]!.slice(0, 40)}" need redaction line by line` };
  }
  const spaced = separatorStyle(members.map((i) => lines[i]!), members.map((i) => samples[i]));
  if (spaced === undefined) return { none: 'the lines are neither compact JSON nor spaced like json.dumps' };
  return { keys: keys.map((key, i) => ({ key, type: types[i]!, role: roles[i]! })), spaced, limits };
}

/** Whether the sampled lines put a space after colons and commas (most of them decide; undefined: neither style fits). */
function separatorStyle(lines: readonly string[], samples: readonly unknown[]): boolean | undefined {
  let compact = 0;
  let spaced = 0;
  samples.forEach((value, i) => {
    const bytes = Buffer.byteLength(lines[i]!, 'utf8');
    const shortest = Buffer.byteLength(JSON.stringify(value), 'utf8');
    const n = Object.keys(value as object).length;
    if (bytes === shortest) compact++;
    else if (bytes === shortest + 2 * n - 1) spaced++;
  });
  if (!compact && !spaced) return undefined;
  return spaced > compact;
}

/** Keys in order with their value types, or undefined for anything but an object of strings, numbers and booleans. */
function signatureOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const t = typeOf(v);
    if (!t) return undefined;
    parts.push(`${k}\u0000${t}`);
  }
  return parts.join('\u0001');
}

function typeOf(v: unknown): FlatType | undefined {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return undefined;
}

/** The role of each key, in the order `fromFlat` takes them and `buildEvent` maps the rest. */
function rolesOf(keys: readonly string[], types: readonly FlatType[]): FlatRole[] | { none: string } {
  const roles: (FlatRole | undefined)[] = keys.map(() => undefined);
  const index = new Map(keys.map((k, i) => [k, i]));
  const take = (candidates: readonly string[]): number | undefined => {
    for (const k of candidates) {
      const i = index.get(k);
      if (i !== undefined && roles[i] === undefined) return i;
    }
    return undefined;
  };
  const time = take(timeKeys);
  if (time === undefined) return { none: 'no timestamp key' };
  if (types[time] === 'boolean') return { none: 'the timestamp is a boolean' };
  roles[time] = { role: 'time' };
  for (const unsupported of [kindKeys, metricNameKeys, ecsDurationKeys]) {
    if (take(unsupported) !== undefined) return { none: `a "${unsupported.find((k) => index.has(k))}" key needs the ordinary path` };
  }
  const level = take(levelKeys);
  if (level !== undefined) {
    if (types[level] === 'string') roles[level] = { role: 'severity' };
    else if (types[level] === 'number' && keys[level] === 'status') roles[level] = { role: 'statusFromLevel' };
    else return { none: `level key "${keys[level]}" needs the ordinary path` };
  }
  const error = take(errorKeys);
  if (error !== undefined) {
    if (types[error] !== 'boolean') return { none: `error key "${keys[error]}" is not a boolean` };
    roles[error] = { role: 'error' };
  }
  const name = take(nameKeys);
  if (name !== undefined) {
    if (types[name] !== 'string') return { none: `name key "${keys[name]}" is not a string` };
    roles[name] = { role: 'name' };
  }
  const body = take(bodyKeys);
  if (body !== undefined) {
    if (types[body] !== 'string') return { none: `message key "${keys[body]}" is not a string` };
    roles[body] = { role: 'body' };
  }
  // buildEvent: the first key of each column fills it (the status code from the level comes first).
  const filled = new Set<string>();
  if (level !== undefined && roles[level]!.role === 'statusFromLevel') filled.add('statusCode');
  for (let i = 0; i < keys.length; i++) {
    if (roles[i]) continue;
    const column = aliasToColumn.get(keys[i]!);
    // A string duration is whatever Number() makes of it, line by line: left to the ordinary path.
    if (column === 'durationMs' && types[i] === 'string' && !filled.has(column)) return { none: `duration key "${keys[i]}" holds strings` };
    if (column === undefined || filled.has(column) || types[i] === 'boolean') {
      roles[i] = { role: 'attr' };
      continue;
    }
    filled.add(column);
    roles[i] = { role: 'column', column: column as StringColumn | 'statusCode' | 'durationMs' };
  }
  return roles as FlatRole[];
}

/** A string value that redaction must see: its distinct values are redacted before the insert. */
export interface ScrubTarget {
  /** Index into the plan's keys. */
  index: number;
  key: string;
  /** Scrubbed with its key as the label (attributes, columns) or alone (message, name). */
  labelled: boolean;
}

/** The values of `plan` that redaction must see: strings stored as text, and numbers stored in string columns. */
export function scrubTargets(plan: FlatPlan): ScrubTarget[] {
  const out: ScrubTarget[] = [];
  plan.keys.forEach((k, i) => {
    const r = k.role;
    const scrubbed = r.role === 'name' || r.role === 'body' || (r.role === 'attr' && k.type === 'string') || (r.role === 'column' && r.column !== 'statusCode' && r.column !== 'durationMs');
    if (scrubbed) out.push({ index: i, key: k.key, labelled: r.role !== 'name' && r.role !== 'body' });
  });
  return out;
}

/** The public-id shape of a column whose matching values skip redaction (trace/span ids, EVM addresses, tx hashes). */
export function publicIdPattern(column: string): string | undefined {
  return publicId[column]?.source.replace(/^\^/, '').replace(/\$$/, '');
}
