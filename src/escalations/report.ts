import { z } from 'zod';

export const sourceTypes = ['ticket', 'cluster', 'incident'] as const;
export const SourceType = z.enum(sourceTypes);
export type SourceType = z.infer<typeof SourceType>;

export const trackers = ['github', 'jira', 'linear'] as const;
export const Tracker = z.enum(trackers);
export type Tracker = z.infer<typeof Tracker>;

export const engineeringPriorities = ['P0', 'P1', 'P2', 'P3'] as const;
export type EngineeringPriority = (typeof engineeringPriorities)[number];

export const scopes = ['single user', 'a few users', 'many users', 'widespread'] as const;
export type Scope = (typeof scopes)[number];

/** One value of an environment dimension, counted in tickets and in telemetry events. */
export interface EnvCount {
  value: string;
  tickets: number;
  events: number;
}

export interface EvidenceEvent {
  ts: string;
  service: string | null;
  name: string | null;
  severity: string | null;
  route: string | null;
  statusCode: number | null;
  chain: string | null;
  appVersion: string | null;
  platform: string | null;
  rpcProvider: string | null;
  userId: string | null;
  txHash: string | null;
  traceId: string | null;
  body: string | null;
  /** The attributes that explain the event (error, exception, rpc, http keys), trimmed. */
  attrs: Record<string, string>;
}

export interface EvidenceFinding {
  hash: string;
  chain: string;
  status: string;
  explorerUrl: string | null;
  code: string;
  severity: string;
  summary: string;
  /** The finding's facts (chain amounts as decimal strings), redacted. */
  evidence: Record<string, unknown>;
}

export interface FundsRow {
  chain: string;
  symbol: string;
  token: string | null;
  /** Sum in base units, a decimal string. */
  amount: string;
  decimals: number | null;
  display: string | null;
  /** `stuck` (pending/dropped), `at_risk` (critical findings) or `blocked` (failed, not moved). */
  kind: 'stuck' | 'at_risk' | 'blocked';
  transactions: number;
}

export interface Impact {
  tickets: number;
  usersFromTickets: number;
  usersFromTelemetry: number;
  usersAffected: number;
  funds: FundsRow[];
  severity: string;
  scope: Scope;
  trend: { perDay: Array<{ day: string; tickets: number }>; ticketsPerDay: number; growing: boolean; note: string };
  sla: { warnings: number; breaches: number; ticketsBreached: number } | null;
  priority: EngineeringPriority;
  reasons: string[];
}

/** An escalation report: everything engineering needs to act on a bug in one read. Every string is redacted. */
export interface EscalationReport {
  title: string;
  summary: string;
  source: { type: SourceType; id: string };
  expected: string;
  actual: string;
  reproduction: string[];
  environment: {
    appVersions: EnvCount[];
    platforms: EnvCount[];
    os: EnvCount[];
    chains: EnvCount[];
    tokens: EnvCount[];
    rpcProviders: EnvCount[];
  };
  firstSeen: string;
  lastSeen: string;
  tickets: Array<{ id: string; subject: string; status: string; category: string; severity: string; createdAt: string }>;
  evidence: {
    telemetry: { events: EvidenceEvent[]; totalEvents: number; errors: number; traces: Array<{ traceId: string; href: string; events: number; errors: number }>; query: { http: string; cli: string } | null };
    findings: EvidenceFinding[];
    diagnosisErrors: Array<{ hash: string; error: string }>;
    errorMessages: Array<{ message: string; source: 'telemetry' | 'on-chain'; count: number }>;
    notes: Array<{ at: string; text: string }>;
  };
  impact: Impact;
  workaround: string | null;
  kbArticles: Array<{ slug: string; title: string }>;
  generatedAt: string;
}

/** Fields an agent may edit on a stored report (all redacted again on save). */
export const EscalationEdit = z.strictObject({
  title: z.string().min(1).max(300).optional(),
  summary: z.string().max(5000).optional(),
  expected: z.string().max(5000).optional(),
  actual: z.string().max(5000).optional(),
  reproduction: z.array(z.string().max(2000)).max(50).optional(),
  workaround: z.string().max(5000).nullable().optional(),
});
export type EscalationEdit = z.infer<typeof EscalationEdit>;

export interface TrackerIssue {
  tracker: Tracker;
  externalId: string;
  key: string;
  url: string;
  state: string;
  closed: boolean;
  createdAt: string;
  syncedAt: string;
}

export interface Escalation {
  id: string;
  title: string;
  status: string;
  source: { type: SourceType; id: string };
  report: EscalationReport;
  ticketIds: string[];
  issues: TrackerIssue[];
  notifications: Array<{ ticketId: string; status: string; notifiedAt: string | null }>;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
