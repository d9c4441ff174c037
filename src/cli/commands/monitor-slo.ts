import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { CountIndex, errorBudgetReport, evaluateBurnRules, latencyCountsFromTelemetry, parseSlo, parseTimestamp, replayBurnAlerts, sloCountsFromTelemetry, type CountPoint, type Slo } from '../../monitor/index.ts';
import type { CliContext } from '../context.ts';
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

interface SloOptions {
  objective: string;
  windowDays?: string;
  name?: string;
  service?: string;
  latencyMs?: string;
  route?: string;
  metric?: string;
  at?: string;
}

/** Where telemetry-mode counts came from (printed with --json as `telemetry`; absent for a CSV). */
interface TelemetrySource {
  kind: Slo['kind'];
  from: string;
  to: string;
  counts: 'series' | 'histogram' | 'spans';
  interpolatedPoints: number;
  skippedPoints: number;
}

const telemetryOnly = ['latencyMs', 'route', 'metric', 'at'] as const;
const flagOf: Record<(typeof telemetryOnly)[number], string> = { latencyMs: '--latency-ms', route: '--route', metric: '--metric', at: '--at' };

function positive(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new ValidationError(`${flag} must be a positive number, got ${JSON.stringify(v)}.`);
  return n;
}

/** Per-minute counts of the objective from the data dir's telemetry store, over its window ending at the minute `atMs` starts. */
async function countsFromStore(ctx: CliContext, slo: Slo, atMs: number): Promise<{ points: CountPoint[]; source: TelemetrySource }> {
  const runtime = await ctx.runtime();
  const store = (await runtime.telemetry()).store;
  // One extra hour: the first point of a cumulative histogram only sets its baseline.
  const from = new Date(atMs - slo.windowDays * 86_400_000 - (slo.kind === 'latency' ? 3_600_000 : 0));
  const to = new Date(atMs);
  const base = { kind: slo.kind, from: from.toISOString(), to: to.toISOString() };
  if (slo.kind === 'availability') return { points: await sloCountsFromTelemetry(store, slo, from, to), source: { ...base, counts: 'series', interpolatedPoints: 0, skippedPoints: 0 } };
  const r = await latencyCountsFromTelemetry(store, slo, from, to);
  return { points: r.points, source: { ...base, counts: r.source, interpolatedPoints: r.interpolatedPoints, skippedPoints: r.skippedPoints } };
}

/**
 * `opsdesk monitor slo FILE.csv --objective 0.999 [--window-days 30] [--name NAME]`: burn rates, alerts and error budget over a time,good,total CSV;
 * `opsdesk monitor slo --objective 0.99 --latency-ms 300 --service wallet-api [--route /v1/swap] [--at ISO]`: the same over the data dir's telemetry.
 */
export function registerMonitorSlo(program: Command): void {
  addCommand(program, 'monitor slo [file]', 'Error budget and multi-window burn-rate alerts of an objective over a time,good,total CSV (one row per minute), or, without FILE, over stored telemetry.')
    .requiredOption('--objective <ratio>', 'e.g. 0.999')
    .option('--window-days <days>', 'SLO window (default 30)')
    .option('--name <name>', 'name of the objective (default "slo", or "<route> latency" from telemetry)')
    .option('--service <service>', 'service it belongs to; required without FILE (telemetry `service`)')
    .option('--latency-ms <ms>', 'without FILE: a latency objective, good = answered within this many ms (from the histogram metric, else span durations); without it, availability')
    .option('--route <route>', 'without FILE: route filter, e.g. /v1/swap')
    .option('--metric <name>', 'without FILE: the OTLP histogram metric (default http.server.request.duration)')
    .option('--at <time>', 'without FILE: end of the evaluation, ISO 8601 (default: the start of the current minute)')
    .action(
      action(async (ctx, file: string | undefined, opts: SloOptions) => {
        const windowDays = opts.windowDays ? { windowDays: Number(opts.windowDays) } : {};
        let slo: Slo;
        let points: CountPoint[];
        let atMs: number;
        let telemetry: TelemetrySource | undefined;
        if (file !== undefined) {
          const stray = telemetryOnly.filter((k) => opts[k] !== undefined).map((k) => flagOf[k]);
          if (stray.length) throw new ValidationError(`${stray.join(', ')} read stored telemetry and cannot be combined with a counts file.`, { metaMessages: ['Drop FILE to evaluate the objective over the data dir’s telemetry, or drop those flags.'] });
          slo = parseSlo({ name: opts.name ?? 'slo', service: opts.service ?? 'service', kind: 'availability', objective: Number(opts.objective), ...windowDays });
          points = parseCounts(await readFile(file, 'utf8'), file);
          atMs = points.length ? Math.max(...points.map((p) => p.timeMs)) + 60_000 : Date.now();
        } else {
          if (!opts.service) throw new ValidationError('Give a counts FILE, or --service to evaluate the objective over stored telemetry.', { metaMessages: ['e.g. opsdesk monitor slo --objective 0.99 --latency-ms 300 --service wallet-api --route /v1/swap'] });
          const latencyMs = positive(opts.latencyMs, '--latency-ms');
          const at = opts.at === undefined ? (await ctx.runtime()).clock.nowMs() : parseTimestamp(opts.at);
          if (!Number.isFinite(at)) throw new ValidationError(`--at ${JSON.stringify(opts.at)} is not a time; use ISO 8601, e.g. 2026-11-27T12:00:00Z.`);
          atMs = Math.floor(at / 60_000) * 60_000;
          const what = opts.route ?? opts.service;
          slo = parseSlo({
            name: opts.name ?? `${what} ${latencyMs === undefined ? 'availability' : 'latency'}`,
            service: opts.service,
            ...(opts.route ? { route: opts.route } : {}),
            ...(latencyMs === undefined ? { kind: 'availability' as const } : { kind: 'latency' as const, latencyThresholdMs: latencyMs }),
            ...(opts.metric ? { latencyMetric: opts.metric } : {}),
            objective: Number(opts.objective),
            ...windowDays,
          });
          ({ points, source: telemetry } = await countsFromStore(ctx, slo, atMs));
        }
        const result = { budget: errorBudgetReport(slo, points, atMs), now: evaluateBurnRules(slo, new CountIndex(points), atMs), alerts: replayBurnAlerts(slo, points), ...(telemetry ? { telemetry } : {}) };
        ctx.print(result, (r) =>
          [
            `${slo.name}: SLI ${(r.budget.sli * 100).toFixed(3)}% over ${slo.windowDays} d (objective ${(slo.objective * 100).toFixed(2)}%), budget used ${(r.budget.budgetConsumed * 100).toFixed(1)}%, 1h burn ${r.budget.burnRate1h.toFixed(2)}×`,
            ...(telemetry ? [`counts from ${telemetry.counts === 'histogram' ? `histogram ${slo.latencyMetric}${telemetry.interpolatedPoints ? ` (${telemetry.interpolatedPoints} points interpolated inside a bucket)` : ''}` : telemetry.counts === 'spans' ? 'span durations' : 'telemetry events'}, ${r.budget.total} events from ${r.budget.from} to ${r.budget.to}`] : []),
            ...r.alerts.map((a) => `${a.firedAt} → ${a.resolvedAt ?? 'still firing'}  ${a.severity.toUpperCase()}  ${a.message}`),
          ].join('\n'),
        );
      }),
    );
}
