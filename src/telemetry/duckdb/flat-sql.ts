import { cleanValueChars } from '../../redaction/index.ts';
import { dimensionColumns, identityColumns } from '../event.ts';
import { pairLabel, severityWords } from '../normalize/build.ts';
import { publicIdPattern, type FlatKey, type FlatPlan, type ScrubTarget } from '../normalize/flat-plan.ts';
import { userKeySql } from './user-key.ts';

/**
 * SQL that reads a planned flat JSON-lines file inside DuckDB: every line is parsed once into a
 * struct of the plan's keys, checked against the plan (same keys, types and every per-value rule the
 * ordinary pipeline applies) and mapped to the `events` columns. A line that fails any check is not
 * inserted: its number is looked up and the ordinary pipeline takes it, so both paths store the
 * same events. Keys and limits come from the plan (keys are plain, see `planFlatLines`); the file
 * path and the time bounds are parameters.
 */

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Every line of the file parsed into a struct of the plan's keys (each as text: a JSON string
 * decoded, a number or boolean as printed), with `line` its text without the JSON whitespace
 * around it (which JSON.parse ignores too). Unnumbered (the insert): DuckDB's JSON-lines reader,
 * which validates each line as it splits the file, skips blank lines and gives NULL for a line
 * that is not valid JSON. Numbered (the lines left over): every line in the file's order, from
 * the CSV reader, with the same text and struct for each line; blank ones come back as NULL. A
 * line that is not an object gets NULL fields. The caller's line count proves both saw every line.
 */
function readLines(plan: FlatPlan, numbered: boolean): string {
  const structure = q(JSON.stringify(Object.fromEntries(plan.keys.map((k) => [k.key, 'VARCHAR']))));
  if (!numbered) {
    return `SELECT 0::BIGINT AS n, line, from_json(line, ${structure}) AS s FROM (SELECT json::VARCHAR AS line
    FROM read_json_objects($path, format = 'newline_delimited', ignore_errors = true, maximum_object_size = ${maxLineBytes}))`;
  }
  return `SELECT n, line, CASE WHEN json_valid(line) THEN from_json(line, ${structure}) END AS s FROM (SELECT ordinality AS n, trim(line, ${q(' \t\r')}) AS line
    FROM read_csv($path, columns = {'line': 'VARCHAR'}, delim = '\\x01', quote = '', escape = '', header = false, auto_detect = false, new_line = '${plan.crlf ? '\\r\\n' : '\\n'}', max_line_size = ${maxLineBytes}) WITH ORDINALITY)`;
}

const maxLineBytes = 8 * 1024 * 1024;

const isoTime = '[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,3})?Z';
// yyjson (DuckDB's JSON) prints numbers in shortest form; JavaScript prints the same text except for
// integral doubles (1000.0), exponents, -0 and more digits than a double keeps. Below 0.1 a number
// could be written shorter than printed (1e-3), which the line-length proof (see checkedLines) must not meet.
// DuckDB also reads NaN and Infinity (any case), which JSON.parse rejects: only finite numbers pass.
const plainNumber = (r: string) =>
  `(isfinite(TRY_CAST(${r} AS DOUBLE)) AND strlen(${r}) <= 15 AND NOT ends_with(${r}, '.0') AND NOT contains(${r}, 'e') AND NOT contains(${r}, 'E') AND ${r} <> '-0' AND NOT starts_with(${r}, '0.0') AND NOT starts_with(${r}, '-0.0'))`;
const severityCase = (t: string) => `CASE lower(${t}) ${Object.entries(severityWords).map(([w, s]) => `WHEN ${q(w)} THEN ${q(s)}`).join(' ')} END`;

/** The column holding the value of key `i` as text (see readLines). */
const value = (i: number) => `t${i}`;

const hasText = (k: FlatKey) => k.type === 'string';

/** The checks of one key's value. */
function checksOf(k: FlatKey, i: number, limits: FlatPlan['limits']): string[] {
  const r = value(i);
  const fits = (max: number) => `strlen(${r}) <= ${max}`;
  // A string's type is proved by the line length (see checkedLines).
  const checks = k.type === 'string' ? [] : [k.type === 'boolean' ? `${r} IN ('true', 'false')` : plainNumber(r)];
  const role = k.role;
  switch (role.role) {
    case 'time':
      if (k.type === 'string') checks.push(`regexp_full_match(${r}, '${isoTime}')`);
      else checks.push(`NOT contains(${r}, '.') AND NOT starts_with(${r}, '-')`);
      break;
    case 'severity':
      checks.push('sev IS NOT NULL');
      break;
    case 'statusFromLevel':
      checks.push(`TRY_CAST(${r} AS INTEGER) BETWEEN 100 AND 9999 AND NOT contains(${r}, '.')`);
      break;
    case 'name':
      checks.push(fits(limits.maxStringChars));
      break;
    case 'body':
      checks.push(fits(limits.maxBodyChars));
      break;
    case 'column':
      if (role.column === 'statusCode') checks.push(k.type === 'number' ? `TRY_CAST(${r} AS INTEGER) BETWEEN 0 AND 9999 AND NOT contains(${r}, '.')` : `strlen(${r}) BETWEEN 1 AND 4 AND TRY_CAST(${r} AS UINTEGER) IS NOT NULL AND NOT regexp_matches(${r}, '[^0-9]')`);
      else if (role.column === 'durationMs') checks.push(`NOT starts_with(${r}, '-')`);
      else if (k.type === 'string') checks.push(fits(limits.maxStringChars));
      // A number in a string column is short enough for `mayHoldSecret` to pass it (the survey reads strings only).
      else checks.push(`strlen(${r}) <= ${cleanValueChars(pairLabel(k.key))}`);
      break;
    case 'attr':
      if (k.type === 'string') checks.push(fits(limits.maxStringChars));
      break;
    case 'error':
      break;
  }
  return checks;
}

/** Epoch milliseconds of the time key (`fromEpoch` for integers: seconds, milliseconds or microseconds). */
function timeMs(k: FlatKey, i: number): string {
  if (k.type === 'string') return `epoch_ms(TRY_CAST(${value(i)} AS TIMESTAMP))`;
  const n = `TRY_CAST(${value(i)} AS BIGINT)`;
  return `CASE WHEN ${n} < 100000000000 THEN ${n} * 1000 WHEN ${n} < 100000000000000 THEN ${n} ELSE (${n} + 500) // 1000 END`;
}

/**
 * Lines with `n`, `line`, `t<i>` (the value of key i as text), `ms`, `sev` and `ok` (every check of
 * the plan holds). The line-length proof: written in the plan's separator style with every value
 * in its shortest form (strings unescaped, numbers as printed), a line of exactly the plan's keys
 * has a length fixed by the keys plus its values' lengths. Anything else (an added or repeated key,
 * a value of another type, an escape, other whitespace) makes the line longer or shorter, and the
 * line goes to the ordinary path. Keys are plain (see planFlatLines).
 */
function checkedLines(plan: FlatPlan, numbered: boolean): string {
  const keys = plan.keys;
  const timeIndex = keys.findIndex((k) => k.role.role === 'time');
  const ms = timeMs(keys[timeIndex]!, timeIndex);
  const sevIndex = keys.findIndex((k) => k.role.role === 'severity');
  const sev = sevIndex >= 0 ? severityCase(value(sevIndex)) : 'NULL::VARCHAR';
  const values = keys.map((k, i) => `s[${q(k.key)}] AS ${value(i)}`);
  const fixed = lineBytesBesidesValues(plan);
  const length = `strlen(line) = ${fixed} + ${keys.map((_k, i) => `strlen(${value(i)})`).join(' + ')}`;
  const checks = [...keys.map((_k, i) => `${value(i)} IS NOT NULL`), length, ...keys.flatMap((k, i) => checksOf(k, i, plan.limits)), 'ms BETWEEN $minMs AND $maxMs'];
  return `SELECT *, COALESCE(${checks.map((c) => `(${c})`).join(' AND ')}, false) AS ok FROM (
    SELECT *, ${ms} AS ms, ${sev} AS sev FROM (
      SELECT n, line, ${values.join(', ')} FROM (${readLines(plan, numbered)})))`;
}

/** Bytes of a line of the plan other than its values: braces, quoted keys, colons, commas, the style's spaces and string quotes. */
function lineBytesBesidesValues(plan: FlatPlan): number {
  const n = plan.keys.length;
  const keyBytes = plan.keys.reduce((sum, k) => sum + Buffer.byteLength(k.key, 'utf8') + 3, 0);
  const stringQuotes = 2 * plan.keys.filter(hasText).length;
  return 2 + keyBytes + (n - 1) + stringQuotes + (plan.spaced ? 2 * n - 1 : 0);
}

/**
 * Pass 1: the distinct values redaction must see, per scrub target holding strings, read with
 * DuckDB's own JSON reader (the same decoding as pass 2's, so every inserted value was seen; lines
 * it cannot read are not inserted either). Public ids in their own column are left out, as in
 * `buildEvent`; the caller leaves out what `mayHoldSecret` passes.
 */
export function surveySql(plan: FlatPlan, targets: readonly ScrubTarget[]): string {
  const strings = targets.filter((t) => plan.keys[t.index]!.type === 'string');
  const lists = strings.map((t) => {
    const k = plan.keys[t.index]!;
    const col = `c${t.index}`;
    const pattern = k.role.role === 'column' ? publicIdPattern(k.role.column) : undefined;
    return `list(DISTINCT ${col}) FILTER (WHERE ${col} IS NOT NULL${pattern ? ` AND NOT regexp_full_match(${col}, ${q(pattern)})` : ''}) AS d${t.index}`;
  });
  // Keys are plain (no quotes, backslashes or control characters: see planFlatLines).
  const read = strings.length ? strings : [{ index: 0, key: plan.keys[0]!.key }];
  const columns = read.map((t) => `${q(t.key)}: 'VARCHAR'`).join(', ');
  const renamed = read.map((t) => `"${t.key}" AS c${t.index}`).join(', ');
  return `SELECT count(*) AS n${lists.length ? `, ${lists.join(', ')}` : ''} FROM (SELECT ${renamed}
    FROM read_json($path, format = 'newline_delimited', columns = {${columns}}, ignore_errors = true, maximum_object_size = 8388608))`;
}

/** The numbers of the non-blank lines the plan does not cover (one thread: line numbers need the file's order). */
export function othersSql(plan: FlatPlan): string {
  return `SELECT n FROM (${checkedLines(plan, true)}) WHERE NOT ok AND line IS NOT NULL ORDER BY n`;
}

/** The `events` column of each string field a key can fill. */
const columnName: Record<string, string> = { ...dimensionColumns, ...identityColumns, spanId: 'span_id' };

/** Name of the temporary table of replacements: (target index, md5 of the value, redacted value). */
export const substTable = 'opsdesk_flat_subst';

/**
 * Pass 2: inserts the lines that pass every check. `replaced` lists the scrub targets with a value
 * that redaction changed (looked up by md5 in `substTable`).
 */
export function insertSql(plan: FlatPlan, replaced: ReadonlySet<number>): string {
  const keys = plan.keys;
  const joins: string[] = [];
  const scrubbed = (i: number) => {
    const s = `c.${value(i)}`;
    if (!replaced.has(i)) return s;
    joins.push(`LEFT JOIN (SELECT h, dst FROM ${substTable} WHERE target = ${i}) AS x${i} ON x${i}.h = md5(${s})`);
    return `COALESCE(x${i}.dst, ${s})`;
  };
  const cols: Record<string, string> = {};
  let severity = 'NULL::VARCHAR';
  let status = 'NULL::INTEGER';
  let errorFlag = 'false';
  let duration = 'NULL::DOUBLE';
  let name = 'NULL::VARCHAR';
  let body = 'NULL::VARCHAR';
  const attrs: string[] = [];
  keys.forEach((k, i) => {
    const r = `c.${value(i)}`;
    const role = k.role;
    switch (role.role) {
      case 'time':
        return;
      case 'severity':
        severity = 'c.sev';
        return;
      case 'statusFromLevel':
        status = `CAST(${r} AS INTEGER)`;
        return;
      case 'error':
        errorFlag = `(${r} = 'true')`;
        return;
      case 'name':
        name = `CASE WHEN ${r} = '' THEN NULL ELSE ${scrubbed(i)} END`;
        return;
      case 'body':
        body = scrubbed(i);
        return;
      case 'column':
        if (role.column === 'statusCode') status = `CAST(${r} AS INTEGER)`;
        else if (role.column === 'durationMs') duration = `CAST(${r} AS DOUBLE)`;
        else cols[columnName[role.column]!] = scrubbed(i);
        return;
      case 'attr': {
        const json = k.type === 'string' ? `to_json(${scrubbed(i)})::VARCHAR` : r;
        attrs.push(`${q(`${attrs.length ? ',' : '{'}${JSON.stringify(k.key)}:`)} || ${json}`);
        return;
      }
    }
  });
  const c = (column: string) => (column in cols ? column : 'NULL');
  return `INSERT INTO events
  SELECT make_timestamp(ms * 1000), 'log', ${c('service')}, sev, COALESCE(errflag OR sev IN ('error', 'fatal') OR status >= 500, false), name, ${c('route')}, status, duration,
    ${c('chain')}, ${c('app_version')}, ${c('platform')}, ${c('country')}, ${c('rpc_provider')}, ${c('user_id')}, ${c('device_id')}, ${c('address')}, ${c('tx_hash')}, ${c('trace_id')}, ${c('span_id')},
    NULL, NULL, body, attrs, ${'user_id' in cols ? userKeySql('user_id') : 'NULL'}
  FROM (SELECT c.ms, ${Object.entries(cols).map(([col, e]) => `${e} AS ${col}`).join(', ')}${Object.keys(cols).length ? ', ' : ''}${severity} AS sev, ${status} AS status, ${errorFlag} AS errflag, ${duration} AS duration, ${name} AS name, ${body} AS body,
      ${attrs.length ? `${attrs.join(' || ')} || '}'` : `'{}'`} AS attrs
    FROM (${checkedLines(plan, false)}) AS c ${joins.join(' ')} WHERE c.ok)`;
}
