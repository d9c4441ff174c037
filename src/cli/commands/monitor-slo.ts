import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { CountIndex, errorBudgetReport, evaluateBurnRules, parseSlo, parseTimestamp, replayBurnAlerts, type CountPoint } from '../../monitor/index.ts';
import { action, addCommand } from '../define.ts';

function parseCounts(text: string, file: string): CountPoint[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  return lines.slice(1).map((line, i) => {
    const [t, good, total] = line.split(',').map((s) => s.trim());
    const timeMs = parseTimestamp(t ?? '');
    const g = Number(good);
    const n = Number(total);
    if (!Number.isFinite(timeMs) || !Number.isFinite(g) || !Number.isFinite(n) || g < 0 || n < g) throw new ValidationError(`${file}, line ${i + 2}: expected time,good,total with 0 ≤ good ≤ total, got ${JSON.stringify(line.slice(0, 80))}.`);
    return { timeMs, good: g, total: n };
  });
}

/** `opsdesk monitor slo FILE.csv --objective 0.999 [--window-days 30] [--name NAME]`: burn rates, alerts and error budget over a time,good,total CSV. */
export function registerMonitorSlo(program: Command): void {
  addCommand(program, 'monitor slo <file>', 'Error budget and multi-window burn-rate alerts of an objective over a time,good,total CSV (one row per minute).')
    .requiredOption('--objective <ratio>', 'e.g. 0.999')
    .option('--window-days <days>', 'SLO window (default 30)')
    .option('--name <name>', 'name of the objective', 'slo')
    .option('--service <service>', 'service it belongs to', 'service')
    .action(
      action(async (ctx, file: string, opts: { objective: string; windowDays?: string; name: string; service: string }) => {
        const slo = parseSlo({ name: opts.name, service: opts.service, kind: 'availability', objective: Number(opts.objective), ...(opts.windowDays ? { windowDays: Number(opts.windowDays) } : {}) });
        const points = parseCounts(await readFile(file, 'utf8'), file);
        const atMs = points.length ? Math.max(...points.map((p) => p.timeMs)) + 60_000 : Date.now();
        const result = { budget: errorBudgetReport(slo, points, atMs), now: evaluateBurnRules(slo, new CountIndex(points), atMs), alerts: replayBurnAlerts(slo, points) };
        ctx.print(result, (r) =>
          [
            `${slo.name}: SLI ${(r.budget.sli * 100).toFixed(3)}% over ${slo.windowDays} d (objective ${(slo.objective * 100).toFixed(2)}%), budget used ${(r.budget.budgetConsumed * 100).toFixed(1)}%, 1h burn ${r.budget.burnRate1h.toFixed(2)}×`,
            ...r.alerts.map((a) => `${a.firedAt} → ${a.resolvedAt ?? 'still firing'}  ${a.severity.toUpperCase()}  ${a.message}`),
          ].join('\n'),
        );
      }),
    );
}
