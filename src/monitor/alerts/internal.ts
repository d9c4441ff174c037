import { createHash } from 'node:crypto';
import type { Selectable } from '../../storage/index.ts';
import type { Database } from '../../storage/index.ts';
import { AlertNotFoundError } from '../errors.ts';
import { alertSeverities, type AlertEvent, type AlertRecord, type AlertSeverity, type Channel, type MonitorDeps, type Silence } from './alert.ts';
import { newId } from '../../core/index.ts';
import { incidentOptionsOf } from './channels/incident.ts';
import type { Transaction } from '../../storage/index.ts';

type Db = MonitorDeps['store']['db'] | Transaction<Database>;

export function toAlert(r: Selectable<Database['monitor_alerts']>): AlertRecord {
  return {
    id: r.id,
    fingerprint: r.fingerprint,
    source: r.source,
    title: r.title,
    summary: r.summary,
    severity: r.severity as AlertSeverity,
    series: r.series,
    labels: JSON.parse(r.labels) as Record<string, string>,
    status: r.status as AlertRecord['status'],
    startedAt: r.started_at,
    lastSeenAt: r.last_seen_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    occurrences: Number(r.occurrences),
    reopenCount: Number(r.reopen_count),
    flapping: Number(r.flapping) === 1,
    silencedBy: r.silenced_by,
  };
}

export function toSilence(r: Selectable<Database['monitor_silences']>): Silence {
  return { id: r.id, kind: r.kind as Silence['kind'], matchers: JSON.parse(r.matchers) as Record<string, string>, startsAt: r.starts_at, endsAt: r.ends_at, reason: r.reason, createdBy: r.created_by, createdAt: r.created_at };
}

export function toChannel(r: Selectable<Database['monitor_channels']>): Channel {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as Channel['kind'],
    target: r.target,
    minSeverity: r.min_severity as AlertSeverity,
    matchers: JSON.parse(r.matchers) as Record<string, string>,
    ...(r.kind === 'incident' ? { options: incidentOptionsOf(r.target) } : {}),
    enabled: Number(r.enabled) === 1,
    createdAt: r.created_at,
  };
}

/** Stable grouping key: source, series and sorted labels (the title carries values that change). */
export function fingerprintOf(source: string, series: string | undefined, labels: Record<string, string>, title: string): string {
  const keys = Object.keys(labels).sort();
  const basis = series || keys.length ? [source, series ?? '', ...keys.map((k) => `${k}=${labels[k]}`)].join('\n') : `${source}\n${title}`;
  return createHash('sha256').update(basis).digest('hex').slice(0, 32);
}

export function severityRank(s: AlertSeverity): number {
  return alertSeverities.length - alertSeverities.indexOf(s);
}

function globMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}

/** True when every matcher matches the alert's fingerprint, source, severity, series or a label. */
export function matchesAlert(matchers: Record<string, string>, alert: Pick<AlertRecord, 'fingerprint' | 'source' | 'severity' | 'series' | 'labels'>): boolean {
  return Object.entries(matchers).every(([key, pattern]) => {
    const value = key === 'fingerprint' ? alert.fingerprint : key === 'source' ? alert.source : key === 'severity' ? alert.severity : key === 'series' ? (alert.series ?? '') : alert.labels[key];
    return value !== undefined && globMatch(pattern, value);
  });
}

export async function readAlert(db: Db, id: string): Promise<AlertRecord> {
  const row = await db.selectFrom('monitor_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AlertNotFoundError(id);
  return toAlert(row);
}

let eventSeq = 0;

/** Event ids sort by time, then by the order this process wrote them (several events share one instant). */
function eventId(nowMs: number): string {
  const id = newId('aev', nowMs);
  eventSeq = (eventSeq + 1) % 32 ** 6;
  return `${id.slice(0, 14)}${eventSeq.toString(32).padStart(6, '0')}${id.slice(14, 24)}`;
}

export async function addEvent(db: Db, alertId: string, at: string, kind: AlertEvent['kind'], actor: string | null, detail: string | null, nowMs: number): Promise<void> {
  await db.insertInto('monitor_alert_events').values({ id: eventId(nowMs), alert_id: alertId, at, kind, actor, detail }).execute();
}

/** The silence or maintenance window active at `at` that matches the alert, if any. */
export async function activeSilenceFor(db: Db, alert: Pick<AlertRecord, 'fingerprint' | 'source' | 'severity' | 'series' | 'labels'>, at: string): Promise<Silence | undefined> {
  const rows = await db.selectFrom('monitor_silences').selectAll().where('starts_at', '<=', at).where('ends_at', '>', at).orderBy('created_at').execute();
  return rows.map(toSilence).find((s) => matchesAlert(s.matchers, alert));
}
