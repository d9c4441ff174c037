import type { IncidentsDeps } from './deps.ts';
import type { ComponentStatus } from './incident.ts';
import { componentRank } from './internal.ts';

export interface UptimeDay {
  /** UTC date, YYYY-MM-DD. */
  date: string;
  /** Percentage of the day up, or null before the component existed. */
  uptimePct: number | null;
  /** The worst status seen that day. */
  worst: ComponentStatus | null;
  /** Minutes in partial and major outage that day. */
  partialMin: number;
  majorMin: number;
}

export interface ComponentUptime {
  componentId: string;
  days: UptimeDay[];
  /** Over the whole range (days the component existed). */
  uptimePct: number | null;
}

const dayMs = 86_400_000;
/** As Statuspage counts it: a major outage is downtime, a partial outage counts 30%. */
const partialWeight = 0.3;

/** Per-day uptime over the last `days` UTC days (today included) for each component, from its status history. */
export async function componentUptime(deps: Pick<IncidentsDeps, 'store' | 'clock'>, componentIds: readonly string[], days = 90): Promise<Map<string, ComponentUptime>> {
  const out = new Map<string, ComponentUptime>();
  if (!componentIds.length) return out;
  const nowMs = deps.clock.nowMs();
  const todayStart = Math.floor(nowMs / dayMs) * dayMs;
  const rangeStart = todayStart - (days - 1) * dayMs;
  const events = await deps.store.db.selectFrom('status_component_events').selectAll().where('component_id', 'in', [...componentIds]).orderBy('at').orderBy('id').execute();
  for (const id of componentIds) {
    const mine = events.filter((e) => e.component_id === id).map((e) => ({ at: Date.parse(e.at), status: e.status as ComponentStatus }));
    const dayList: UptimeDay[] = [];
    let upTotal = 0;
    let spanTotal = 0;
    for (let d = 0; d < days; d++) {
      const start = rangeStart + d * dayMs;
      const end = Math.min(start + dayMs, nowMs);
      const date = new Date(start).toISOString().slice(0, 10);
      const first = mine[0];
      if (!first || first.at >= end || end <= start) {
        dayList.push({ date, uptimePct: null, worst: null, partialMin: 0, majorMin: 0 });
        continue;
      }
      let partial = 0;
      let major = 0;
      let worst: ComponentStatus = 'operational';
      let span = 0;
      for (let i = 0; i < mine.length; i++) {
        const seg = mine[i]!;
        const segEnd = mine[i + 1]?.at ?? nowMs;
        const a = Math.max(seg.at, start);
        const b = Math.min(segEnd, end);
        if (b <= a) continue;
        span += b - a;
        if (componentRank[seg.status] > componentRank[worst]) worst = seg.status;
        if (seg.status === 'partial_outage') partial += b - a;
        if (seg.status === 'major_outage') major += b - a;
      }
      const down = major + partial * partialWeight;
      dayList.push({ date, uptimePct: span ? round(100 * (1 - down / span)) : null, worst: span ? worst : null, partialMin: Math.round(partial / 60_000), majorMin: Math.round(major / 60_000) });
      upTotal += span - down;
      spanTotal += span;
    }
    out.set(id, { componentId: id, days: dayList, uptimePct: spanTotal ? round(100 * (upTotal / spanTotal)) : null });
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
