import { systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { evaluateSla, type SlaMetricResult } from './evaluate-sla.ts';
import { defaultSlaSettings, slaMetrics, type SlaMetric, type SlaSettings } from './policy.ts';
import { loadSlaTimelines } from './ticket-sla.ts';

export interface SlaReportLine {
  met: number;
  breached: number;
  /** Still running within target (not counted in the percentage). */
  running: number;
  /** met / (met + breached), 0..100; null when nothing finished yet. */
  percentMet: number | null;
}

export interface SlaReport {
  from: string;
  to: string;
  tickets: number;
  overall: SlaReportLine;
  byMetric: Record<SlaMetric, SlaReportLine>;
  byPolicy: Record<string, SlaReportLine>;
}

const empty = (): SlaReportLine => ({ met: 0, breached: 0, running: 0, percentMet: null });

/** `% SLAs met` of the tickets created in [from, to): per metric (every next-reply cycle counts) and per policy. */
export async function slaReport(db: Db, range: { from: string; to: string }, opts: { settings?: SlaSettings; clock?: Clock } = {}): Promise<SlaReport> {
  const settings = opts.settings ?? defaultSlaSettings;
  const nowMs = (opts.clock ?? systemClock).nowMs();
  const from = new Date(range.from).toISOString();
  const to = new Date(range.to).toISOString();
  const ids = (await db.selectFrom('tickets').select('id').where('created_at', '>=', from).where('created_at', '<', to).execute()).map((r) => r.id);
  const timelines = await loadSlaTimelines(db, ids);
  const overall = empty();
  const byMetric = Object.fromEntries(slaMetrics.map((m) => [m, empty()])) as Record<SlaMetric, SlaReportLine>;
  const byPolicy: Record<string, SlaReportLine> = {};
  const count = (line: SlaReportLine, r: SlaMetricResult) => {
    if (r.state === 'met') line.met++;
    else if (r.state === 'breached') line.breached++;
    else line.running++;
  };
  for (const t of timelines.values()) {
    const sla = evaluateSla(settings, t, nowMs);
    if (!sla.policy) continue;
    const results = [...sla.metrics.filter((m) => m.metric !== 'next_reply'), ...sla.nextReplyCycles];
    for (const r of results) {
      for (const line of [overall, byMetric[r.metric], (byPolicy[sla.policy] ??= empty())]) count(line, r);
    }
  }
  for (const line of [overall, ...Object.values(byMetric), ...Object.values(byPolicy)]) {
    const finished = line.met + line.breached;
    line.percentMet = finished ? Math.round((line.met / finished) * 1000) / 10 : null;
  }
  return { from, to, tickets: ids.length, overall, byMetric, byPolicy };
}
