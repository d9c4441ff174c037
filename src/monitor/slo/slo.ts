import { z } from 'zod';

/** One burn-rate rule: fire when both windows burn faster than `factor` × the allowed error rate. */
export const BurnRule = z.object({
  severity: z.enum(['page', 'ticket']).describe('page: wake someone; ticket: look at it during working hours.'),
  longWindowMin: z.number().int().positive().describe('Long window in minutes (e.g. 60).'),
  shortWindowMin: z.number().int().positive().describe('Short window in minutes, usually 1/12 of the long one (e.g. 5).'),
  factor: z.number().positive().describe('Burn-rate factor both windows must reach (e.g. 14.4).'),
});
export type BurnRule = z.infer<typeof BurnRule>;

/** A service level objective over (good, total) counts. */
export const Slo = z.object({
  name: z.string().min(1).max(200).describe('Name, e.g. "swap API availability".'),
  service: z.string().min(1).max(200).describe('Service the objective belongs to (telemetry `service`).'),
  route: z.string().max(500).optional().describe('Route template, e.g. /v1/swap; absent means the whole service.'),
  kind: z.enum(['availability', 'latency']).describe('availability: good = not a server error; latency: good = answered within latencyThresholdMs.'),
  objective: z.number().gt(0).lt(1).describe('Target ratio of good events, e.g. 0.999 for 99.9%.'),
  windowDays: z.number().int().min(1).max(90).default(30).describe('Rolling window of the objective, in days.'),
  latencyThresholdMs: z.number().positive().optional().describe('For latency objectives: the answer time a good request stays within.'),
  latencyMetric: z
    .string()
    .max(256)
    .default('http.server.request.duration')
    .describe('For latency objectives read from telemetry: the OTLP histogram metric (explicit buckets) to count from; span durations are used when it has no points.'),
  latencyInterpolation: z.enum(['linear', 'boundary']).default('linear').describe('A threshold inside a histogram bucket: linear = split the bucket linearly; boundary = refuse it (the threshold must be a bucket bound).'),
  minEvents: z.number().int().min(0).default(100).describe('A burn-rate window with fewer events than this never fires (low-traffic guard).'),
  rules: z.array(BurnRule).optional().describe('Burn-rate rules; the SRE workbook defaults when absent.'),
});
export type Slo = z.infer<typeof Slo>;
export type SloInput = z.input<typeof Slo>;

/** Events of one interval (a minute, usually): how many were good out of how many. */
export interface CountPoint {
  timeMs: number;
  good: number;
  total: number;
}

/**
 * The SRE workbook's multi-window, multi-burn-rate rules, as budget shares: 2% of the budget in 1 h
 * (short 5 m) and 5% in 6 h (short 30 m) page, 10% in 3 days (short 6 h) files a ticket. The
 * factor is share × window / long window, so a 30-day objective gets 14.4, 6 and 1.
 */
export function defaultBurnRules(windowDays: number): BurnRule[] {
  const windowMin = windowDays * 24 * 60;
  const rule = (severity: BurnRule['severity'], share: number, longWindowMin: number, shortWindowMin: number): BurnRule => ({
    severity,
    longWindowMin,
    shortWindowMin,
    factor: Math.round(((share * windowMin) / longWindowMin) * 1000) / 1000,
  });
  return [rule('page', 0.02, 60, 5), rule('page', 0.05, 360, 30), rule('ticket', 0.1, 4320, 360)];
}
