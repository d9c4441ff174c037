import { CountIndex, burnRate } from './burn-rate.ts';
import type { CountPoint, Slo } from './slo.ts';

export interface ErrorBudgetReport {
  slo: string;
  objective: number;
  windowDays: number;
  from: string;
  to: string;
  total: number;
  good: number;
  bad: number;
  /** good / total over the window (1 when there was no traffic). */
  sli: number;
  /** Bad events the objective allows over this window's traffic. */
  allowedBad: number;
  /** Share of the budget used (can exceed 1). */
  budgetConsumed: number;
  budgetRemaining: number;
  /** Burn rate over the whole window and over the last hour. */
  burnRate: number;
  burnRate1h: number;
  /** At the last hour's pace, hours until the budget is gone (null if not burning or already gone). */
  hoursToExhaustion: number | null;
  met: boolean;
}

/** The error-budget report of an SLO over its rolling window ending at `atMs`. */
export function errorBudgetReport(slo: Slo, points: readonly CountPoint[], atMs: number): ErrorBudgetReport {
  const index = new CountIndex(points);
  const fromMs = atMs - slo.windowDays * 86_400_000;
  const { good, total } = index.sum(fromMs, atMs);
  const bad = Math.max(0, total - good);
  const allowedBad = (1 - slo.objective) * total;
  const consumed = allowedBad > 0 ? bad / allowedBad : 0;
  const lastHour = index.sum(atMs - 3_600_000, atMs);
  const burn1h = burnRate(Math.max(0, lastHour.total - lastHour.good), lastHour.total, slo.objective);
  const remaining = 1 - consumed;
  // Budget in "hours of the window at burn rate 1": remaining × window hours; burning at r uses r of them per hour.
  const hoursToExhaustion = burn1h > 0 && remaining > 0 ? (remaining * slo.windowDays * 24) / burn1h : null;
  return {
    slo: slo.name,
    objective: slo.objective,
    windowDays: slo.windowDays,
    from: new Date(fromMs).toISOString(),
    to: new Date(atMs).toISOString(),
    total,
    good,
    bad,
    sli: total ? good / total : 1,
    allowedBad,
    budgetConsumed: consumed,
    budgetRemaining: remaining,
    burnRate: burnRate(bad, total, slo.objective),
    burnRate1h: burn1h,
    hoursToExhaustion,
    met: total === 0 || good / total >= slo.objective,
  };
}
