import { createHash } from 'node:crypto';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { FlatPlan } from '../normalize/flat-plan.ts';
import type { FlatLoadHooks, FlatLoadResult } from '../store.ts';
import { scrubTargets } from '../normalize/flat-plan.ts';
import { insertSql, othersSql, substTable, surveySql } from './flat-sql.ts';

/**
 * Loads a planned flat JSON-lines file with DuckDB reading it (see flat-sql.ts): a survey pass
 * finds the lines the plan does not cover and the distinct values redaction must see, JavaScript
 * redacts those, and one transaction inserts every covered line with redacted values while the
 * caller counts the file's lines itself; it commits only when both agree on the line count.
 * Nothing unredacted is written: replacements are looked up by md5 in a temporary table.
 */
export async function loadFlatLines(conn: DuckDBConnection, path: string, plan: FlatPlan, hooks: FlatLoadHooks): Promise<FlatLoadResult> {
  const targets = scrubTargets(plan);
  const params = { path, minMs: BigInt(hooks.minMs), maxMs: BigInt(hooks.maxMs) };
  let survey: Record<string, unknown>;
  try {
    const reader = await conn.runAndReadAll(surveySql(plan, targets), { path });
    survey = reader.getRowObjectsJS()[0] as Record<string, unknown>;
  } catch (err) {
    return { abandoned: `DuckDB could not read the file as JSON lines (${firstLine(err)})` };
  }
  const hashes: string[] = [];
  const dsts: string[] = [];
  const owners: number[] = [];
  const replaced = new Set<number>();
  for (const t of targets) {
    const values = ((survey[`d${t.index}`] as (string | null)[] | null | undefined) ?? []).filter((v): v is string => typeof v === 'string');
    for (const [value, redacted] of hooks.redact(t, values)) {
      replaced.add(t.index);
      owners.push(t.index);
      hashes.push(createHash('md5').update(value, 'utf8').digest('hex'));
      dsts.push(redacted);
    }
  }
  try {
    await conn.run(`CREATE OR REPLACE TEMPORARY TABLE ${substTable} (target INTEGER, h VARCHAR, dst VARCHAR)`);
    if (owners.length) await conn.run(`INSERT INTO ${substTable} SELECT unnest($o), unnest($h), unnest($d)`, { o: listValue(owners), h: listValue(hashes), d: listValue(dsts) });
    await conn.run('BEGIN TRANSACTION');
    let committed = false;
    try {
      const [inserted, count] = await Promise.all([conn.run(insertSql(plan, replaced), params), hooks.countLines()]);
      const loaded = Number(inserted.rowsChanged);
      const otherCount = count.lines - count.empty - loaded;
      if (otherCount < 0 || otherCount > hooks.maxOtherLines(count.lines)) return { abandoned: `${otherCount} of ${count.lines} lines differ from the first lines` };
      let others: number[] = [];
      if (otherCount > 0) {
        others = (await conn.runAndReadAll(othersSql(plan), params)).getRowsJS().map((r) => Number(r[0]));
        if (others.length !== otherCount) return { abandoned: `DuckDB numbered ${others.length} other lines, expected ${otherCount}` };
      }
      if (!(await hooks.unchanged())) return { abandoned: 'the file changed while it was read' };
      await conn.run('COMMIT');
      committed = true;
      return { loaded, others };
    } finally {
      if (!committed) await conn.run('ROLLBACK');
    }
  } catch (err) {
    return { abandoned: `DuckDB could not load the file (${firstLine(err)})` };
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${substTable}`);
  }
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0]!.slice(0, 200);
}
