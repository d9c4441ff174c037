import { SloInvalidError } from '../errors.ts';
import { defaultBurnRules, Slo, type BurnRule, type CountPoint, type SloInput } from './slo.ts';

const minuteMs = 60_000;

/** Prefix sums over a count series, for O(log n) window totals. */
export class CountIndex {
  private readonly times: number[];
  private readonly good: Float64Array;
  private readonly total: Float64Array;
  constructor(points: readonly CountPoint[]) {
    const sorted = [...points].sort((a, b) => a.timeMs - b.timeMs);
    this.times = sorted.map((p) => p.timeMs);
    this.good = new Float64Array(sorted.length + 1);
    this.total = new Float64Array(sorted.length + 1);
    sorted.forEach((p, i) => {
      this.good[i + 1] = this.good[i]! + p.good;
      this.total[i + 1] = this.total[i]! + p.total;
    });
  }

  get firstMs(): number {
    return this.times[0] ?? Number.NaN;
  }

  get lastMs(): number {
    return this.times[this.times.length - 1] ?? Number.NaN;
  }

  private lower(t: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Good and total events with `fromMs <= time < toMs`. */
  sum(fromMs: number, toMs: number): { good: number; total: number } {
    const a = this.lower(fromMs);
    const b = this.lower(toMs);
    return { good: this.good[b]! - this.good[a]!, total: this.total[b]! - this.total[a]! };
  }
}

/** Burn rate: the observed error ratio divided by the allowed one (1 − objective). */
export function burnRate(bad: number, total: number, objective: number): number {
  if (total <= 0) return 0;
  return bad / total / (1 - objective);
}

export interface WindowBurn {
  windowMin: number;
  total: number;
  bad: number;
  errorRatio: number;
  burnRate: number;
}

export interface RuleState {
  rule: BurnRule;
  long: WindowBurn;
  short: WindowBurn;
  /** Both windows at or above the factor, with enough events in each. */
  firing: boolean;
}

function windowBurn(index: CountIndex, atMs: number, windowMin: number, objective: number): WindowBurn {
  const { good, total } = index.sum(atMs - windowMin * minuteMs, atMs);
  const bad = Math.max(0, total - good);
  return { windowMin, total, bad, errorRatio: total ? bad / total : 0, burnRate: burnRate(bad, total, objective) };
}

/** Validates an SLO definition (objective, window, latency threshold). */
export function parseSlo(input: SloInput): Slo {
  const r = Slo.safeParse(input);
  if (!r.success) throw new SloInvalidError(r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
  if (r.data.kind === 'latency' && r.data.latencyThresholdMs === undefined) throw new SloInvalidError('a latency objective needs latencyThresholdMs.');
  return r.data;
}

/** Evaluates every burn-rate rule of an SLO at one instant (windows end at `atMs`, exclusive). */
export function evaluateBurnRules(slo: Slo, index: CountIndex, atMs: number, rules: readonly BurnRule[] = slo.rules ?? defaultBurnRules(slo.windowDays)): RuleState[] {
  return rules.map((rule) => {
    const long = windowBurn(index, atMs, rule.longWindowMin, slo.objective);
    const short = windowBurn(index, atMs, rule.shortWindowMin, slo.objective);
    // 1 − 0.999 is not exactly 0.001 in binary; a burn rate equal to the factor must still count.
    const reached = (b: number) => b >= rule.factor * (1 - 1e-9);
    const firing = long.total >= slo.minEvents && short.total >= slo.minEvents && reached(long.burnRate) && reached(short.burnRate);
    return { rule, long, short, firing };
  });
}

export interface BurnAlert {
  slo: string;
  severity: BurnRule['severity'];
  rule: BurnRule;
  /** ISO time of the evaluation at which both windows first crossed the factor. */
  firedAt: string;
  /** ISO time at which the rule stopped firing, or null while it still fires. */
  resolvedAt: string | null;
  peakBurnRate: number;
  message: string;
}

/**
 * Replays a count series minute by minute and returns each burn-rate alert with when it fired and
 * resolved: what a live evaluator running every `stepMin` minutes would have sent.
 */
export function replayBurnAlerts(slo: Slo, points: readonly CountPoint[], stepMin = 1): BurnAlert[] {
  const index = new CountIndex(points);
  if (!points.length) return [];
  const out: BurnAlert[] = [];
  const rules = slo.rules ?? defaultBurnRules(slo.windowDays);
  const open = new Map<BurnRule, BurnAlert>();
  const startMs = Math.floor(index.firstMs / minuteMs) * minuteMs + minuteMs;
  const endMs = Math.floor(index.lastMs / minuteMs) * minuteMs + minuteMs;
  for (let at = startMs; at <= endMs; at += stepMin * minuteMs) {
    for (const state of evaluateBurnRules(slo, index, at, rules)) {
      const current = open.get(state.rule);
      if (state.firing && !current) {
        const alert: BurnAlert = {
          slo: slo.name,
          severity: state.rule.severity,
          rule: state.rule,
          firedAt: new Date(at).toISOString(),
          resolvedAt: null,
          peakBurnRate: state.long.burnRate,
          message: describeBurn(slo, state),
        };
        open.set(state.rule, alert);
        out.push(alert);
      } else if (state.firing && current) {
        current.peakBurnRate = Math.max(current.peakBurnRate, state.long.burnRate);
      } else if (!state.firing && current) {
        current.resolvedAt = new Date(at).toISOString();
        open.delete(state.rule);
      }
    }
  }
  return out;
}

function windowLabel(min: number): string {
  return min % 1440 === 0 ? `${min / 1440}d` : min % 60 === 0 ? `${min / 60}h` : `${min}m`;
}

/** "swap API availability is burning its error budget 18.2× too fast over 1h (1.82% errors; 5m: 2.10%); at this pace the 30-day budget is gone in 1.6 days". */
export function describeBurn(slo: Slo, state: RuleState): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const what = slo.kind === 'latency' ? `slower than ${slo.latencyThresholdMs} ms` : 'errors';
  const days = state.long.burnRate > 0 ? slo.windowDays / state.long.burnRate : Number.POSITIVE_INFINITY;
  return (
    `${slo.name} is burning its error budget ${state.long.burnRate.toFixed(1)}× too fast over ${windowLabel(state.rule.longWindowMin)} ` +
    `(${pct(state.long.errorRatio)} ${what}; ${windowLabel(state.rule.shortWindowMin)}: ${pct(state.short.errorRatio)}; objective ${pct(slo.objective)}); ` +
    `at this pace the ${slo.windowDays}-day budget is gone in ${days < 2 ? `${(days * 24).toFixed(1)} hours` : `${days.toFixed(1)} days`}`
  );
}
