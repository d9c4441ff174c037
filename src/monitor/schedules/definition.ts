import { z } from 'zod';
import { AlertSeverity } from '../alerts/alert.ts';
import { HttpCheck } from '../probes/http-check.ts';
import { Slo } from '../slo/slo.ts';

const common = {
  name: z.string().min(1).max(120).regex(/^[^\s].*$/, 'must not start with a space').describe('Unique name, e.g. "swap p95 polygon".'),
  intervalSec: z.number().int().min(10).max(86_400).default(60).describe('How often it runs, in seconds (one run per slot across all replicas).'),
  severity: AlertSeverity.default('warning').describe('Severity of the alerts it raises (RPC lag/stall and probe outages may page on their own).'),
  enabled: z.boolean().default(true),
};

const filterValue = z.string().min(1).max(500);

/** A telemetry aggregate watched by the combined detector. */
export const SeriesMonitorSpec = z.object({
  kind: z.literal('series'),
  ...common,
  measure: z.enum(['errorRate', 'p95', 'throughput']).describe('errorRate: % of events that were errors; p95: 95th percentile latency (ms); throughput: events per bucket.'),
  service: filterValue.optional(),
  route: filterValue.optional(),
  chain: filterValue.optional(),
  where: z.record(z.string().min(1).max(200), filterValue).default({}).describe('More equality filters (any telemetry dimension or attr.<key>).'),
  bucketSec: z.number().int().min(10).max(3600).default(60).describe('Width of one point of the series, in seconds.'),
  historyHours: z.number().int().min(1).max(24 * 30).default(48).describe('History the detector state is rebuilt from at every run.'),
  minEvents: z.number().int().min(1).default(20).describe('Buckets with fewer events are skipped for errorRate and p95 (too noisy to judge).'),
});

/**
 * An SLO over telemetry counts, with multi-window burn-rate rules: availability (good = not an
 * error) or latency (good = answered within `latencyThresholdMs`, from the OTLP histogram metric or
 * span durations).
 */
export const SloMonitorSpec = z
  .object({ kind: z.literal('slo'), ...common, slo: Slo })
  .superRefine((v, ctx) => {
    if (v.slo.kind === 'latency' && v.slo.latencyThresholdMs === undefined) ctx.addIssue({ code: 'custom', path: ['slo', 'latencyThresholdMs'], message: 'a latency objective needs latencyThresholdMs (e.g. 300 for "under 300 ms")' });
  });

/** The RPC endpoints of a configured chain (or given URLs): head lag, stall, latency. */
export const RpcMonitorSpec = z.object({
  kind: z.literal('rpc'),
  ...common,
  chain: z.string().min(1).max(100).describe('Chain slug from the registry; its configured rpcUrls are probed.'),
  urls: z.array(z.string().url()).max(20).optional().describe('Endpoints to compare instead of the configured ones.'),
  family: z.string().max(40).optional().describe('Chain family when the chain is not in the registry (evm, solana).'),
  maxLagBlocks: z.number().int().min(0).default(5),
  maxHeadAgeSec: z.number().int().min(1).default(300),
  maxLatencyMs: z.number().int().min(1).default(3000),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
});

/** An HTTP health check with conditions (status, latency, body, JSON paths, TLS expiry). */
export const HttpMonitorSpec = z.object({ kind: z.literal('http'), ...common, check: HttpCheck.omit({ name: true }) });

/** A provider's Statuspage-format summary.json; component changes raise alerts and update the mirrored components. */
export const StatuspageMonitorSpec = z.object({
  kind: z.literal('statuspage'),
  ...common,
  provider: z.string().min(1).max(100).regex(/^[a-z0-9][a-z0-9_.-]*$/, 'must be a lower-case slug, e.g. infura'),
  url: z.string().url(),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
});

export const MonitorDefinitionInput = z.discriminatedUnion('kind', [SeriesMonitorSpec, SloMonitorSpec, RpcMonitorSpec, HttpMonitorSpec, StatuspageMonitorSpec]);
export type MonitorDefinitionInput = z.input<typeof MonitorDefinitionInput>;
export type MonitorSpec = z.output<typeof MonitorDefinitionInput>;
export const monitorKinds = ['series', 'slo', 'rpc', 'http', 'statuspage'] as const;
export type MonitorKind = (typeof monitorKinds)[number];

/** A stored monitor definition and its last run. */
export interface MonitorDefinition {
  id: string;
  name: string;
  kind: MonitorKind;
  intervalSec: number;
  severity: AlertSeverity;
  enabled: boolean;
  spec: MonitorSpec;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  lastRunAt: string | null;
  lastStatus: 'ok' | 'alerting' | 'failed' | null;
  lastError: string | null;
}
