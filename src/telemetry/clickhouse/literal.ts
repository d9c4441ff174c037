/**
 * Query values for ClickHouse. Server-side query parameters (`{name:Type}`) arrived after 18.16, so
 * every value a caller supplies is bound here, and only here, as a typed, escaped literal: strings
 * are quoted with backslash escapes, numbers must be finite. SQL text itself never contains raw input;
 * identifiers come from allowlists (event.ts).
 */
export class Literals {
  /** A string literal: '…' with `\` and `'` escaped (ClickHouse string literal rules). */
  str(v: string): string {
    return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  }

  /** An integer literal; refuses anything that is not a safe integer. */
  int(v: number): string {
    if (!Number.isSafeInteger(v)) throw new TypeError(`not an integer query value: ${v}`);
    return String(v);
  }

  /** A Float64 literal; refuses NaN and infinities. */
  num(v: number): string {
    if (!Number.isFinite(v)) throw new TypeError(`not a finite query value: ${v}`);
    return String(v);
  }

  list(values: readonly string[]): string {
    return values.map((v) => this.str(v)).join(', ');
  }
}

export const lit = new Literals();
