import { describeJsonError } from '../core/index.ts';
import type { TelemetryEvent } from './event.ts';
import type { Parsed } from './normalize/otlp.ts';
import { recordsFromJson } from './normalize/records.ts';
import type { Pipeline } from './pipeline.ts';

/** Lines built (and their strings redacted) together. */
const buildLines = 4096;

/**
 * The per-line rules every JSON-lines reader shares: a line that is not valid UTF-8 or not JSON is
 * rejected with its number and reason, a blank line is skipped, a byte order mark opening the file is
 * dropped (as DuckDB's readers drop it), and the rest are parsed into records
 * that `pipeline` builds (normalises and redacts) in batches of lines. A rejection first builds the
 * lines before it, so rejections stay in file order.
 */
export class LineRecords {
  private parsed: Parsed[][] = [];
  private lines: number[] = [];

  constructor(
    private readonly pipeline: Pipeline,
    private readonly source: string,
  ) {}

  /** Takes line number `line` (`text` null: not valid UTF-8); true when a batch was just built into `out`. */
  take(line: number, text: string | null, out: TelemetryEvent[]): boolean {
    if (text === null) {
      this.reject(line, 'not valid UTF-8', out);
      return false;
    }
    if (line === 1) text = withoutByteOrderMark(text);
    if (!text.trim()) return false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.reject(line, `not valid JSON (${describeJsonError(err)})`, out);
      return false;
    }
    this.parsed.push(recordsFromJson(value));
    this.lines.push(line);
    if (this.parsed.length < buildLines) return false;
    this.build(out);
    return true;
  }

  /** Rejects line number `line` with `reason`, after building the lines taken before it (rejections stay in file order). */
  reject(line: number, reason: string, out: TelemetryEvent[]): void {
    this.build(out);
    this.pipeline.reject(this.source, line, reason);
  }

  /** Builds the lines taken so far into `out`. */
  build(out: TelemetryEvent[]): void {
    if (!this.parsed.length) return;
    this.pipeline.addMany(this.parsed, this.source, this.lines, out);
    this.parsed = [];
    this.lines = [];
  }
}

/** `text` without a UTF-8 byte order mark at its start (Windows tools write one; DuckDB's readers drop it too). */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
