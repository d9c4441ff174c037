import { z } from 'zod';
import type { Clock, Config } from '../../core/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import { IncidentChannelOptions } from './channels/incident.ts';

/** Highest first. `page` and `critical` wake someone; `ticket` and `info` wait for working hours. */
export const alertSeverities = ['critical', 'page', 'warning', 'ticket', 'info'] as const;
export const AlertSeverity = z.enum(alertSeverities);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

export const alertStatuses = ['firing', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

const labelKey = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'must be a label name (letters, digits, _ . -)');
export const Labels = z.record(labelKey, z.string().max(500));

/** What a detector, an SLO rule, a probe or an outside system reports. */
export const RaiseAlertInput = z.object({
  source: z.string().min(1).max(100).describe('Who raises it: detector, slo, probe, or an outside system.'),
  title: z.string().min(1).max(300),
  summary: z.string().max(4000).default(''),
  severity: AlertSeverity.default('warning'),
  series: z.string().max(500).optional().describe('The series or target concerned, e.g. "p95 /v1/swap polygon".'),
  labels: Labels.default({}),
  fingerprint: z.string().min(1).max(200).optional().describe('Grouping key; by default derived from source, series and labels.'),
  at: z.coerce.date().optional().describe('When the condition was observed (default now).'),
});
export type RaiseAlertInput = z.input<typeof RaiseAlertInput>;

/** An alert as the monitor stores it; what incidents declare from. */
export interface AlertRecord {
  id: string;
  fingerprint: string;
  source: string;
  title: string;
  summary: string;
  severity: AlertSeverity;
  series: string | null;
  labels: Record<string, string>;
  status: AlertStatus;
  startedAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** Reports folded into this alert (deduplicated). */
  occurrences: number;
  /** Times it fired again shortly after resolving. */
  reopenCount: number;
  flapping: boolean;
  /** The silence or maintenance window that held its notifications, if any. */
  silencedBy: string | null;
}

export interface AlertEvent {
  id: string;
  alertId: string;
  at: string;
  kind: 'fired' | 'reopened' | 'escalated' | 'acknowledged' | 'resolved' | 'silenced' | 'flapping' | 'notified' | 'notify_failed';
  actor: string | null;
  detail: string | null;
}

export const silenceKinds = ['silence', 'maintenance'] as const;
export const SilenceInput = z
  .object({
    kind: z.enum(silenceKinds).default('silence'),
    matchers: z.record(z.string().min(1).max(64), z.string().min(1).max(500)).refine((m) => Object.keys(m).length > 0, 'at least one matcher is needed (an empty one would mute everything)'),
    startsAt: z.coerce.date().optional(),
    endsAt: z.coerce.date(),
    reason: z.string().min(1).max(1000),
  })
  .describe('Matchers are exact values or globs with * over fingerprint, source, severity, series or any label.');
export type SilenceInput = z.input<typeof SilenceInput>;

export interface Silence {
  id: string;
  kind: (typeof silenceKinds)[number];
  matchers: Record<string, string>;
  startsAt: string;
  endsAt: string;
  reason: string;
  createdBy: string | null;
  createdAt: string;
}

export const channelKinds = ['webhook', 'slack', 'email', 'incident'] as const;
export const ChannelInput = z.object({
  name: z.string().min(1).max(100),
  kind: z.enum(channelKinds),
  target: z.string().max(2000).default('').describe('URL for webhook and slack; comma-separated addresses for email; unused for incident.'),
  options: IncidentChannelOptions.optional().describe('For incident channels: publish, components, severity mapping, resolveIncident.'),
  minSeverity: AlertSeverity.default('warning'),
  matchers: z.record(z.string().min(1).max(64), z.string().min(1).max(500)).default({}),
});
export type ChannelInput = z.input<typeof ChannelInput>;

export interface Channel {
  id: string;
  name: string;
  kind: (typeof channelKinds)[number];
  target: string;
  minSeverity: AlertSeverity;
  matchers: Record<string, string>;
  /** Incident channels only. */
  options?: IncidentChannelOptions;
  enabled: boolean;
  createdAt: string;
}

/** What an incident channel did with an alert. */
export interface IncidentHookResult {
  incidentId: string;
  action: 'opened' | 'linked' | 'noted' | 'resolved';
}

/**
 * The incidents module as the incident channel sees it, injected by the composition root (the
 * monitor does not import incidents): open or link the incident for a firing alert (one per open
 * fingerprint), and record an alert's resolution on it (undefined when no open incident has it).
 */
export interface IncidentHooks {
  openIncident(alert: AlertRecord, options: IncidentChannelOptions, channel: string): Promise<IncidentHookResult>;
  alertResolved(alert: AlertRecord, options: IncidentChannelOptions, channel: string): Promise<IncidentHookResult | undefined>;
}

export interface AlertMail {
  to: string[];
  subject: string;
  text: string;
}

/** Sends alert e-mails (SMTP in production, built from the notifications config). */
export interface AlertMailer {
  send(mail: AlertMail): Promise<void>;
  close(): void;
}

/** What the alert verbs need. */
export interface MonitorDeps {
  store: RelationalStore;
  clock: Clock;
  /** The alert settings of `monitor` (the scheduler settings are the surface's business). */
  config: Pick<Config['monitor'], 'flapWindowSec' | 'flapMaxReopens' | 'notifyTimeoutMs' | 'emailFrom'>;
  mailer?: AlertMailer;
  /** Wired for incident channels; without it they record a failed delivery. */
  incidents?: IncidentHooks;
}

/** Who did it (a user id or a token name), or null for the system. */
export type Actor = string | null;
