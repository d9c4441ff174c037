import { z } from 'zod';
import { getAlert } from '../monitor/index.ts';
import type { Actor, IncidentsDeps } from './deps.ts';
import { declareIncident, type DeclareIncidentInput } from './declare.ts';
import { type AffectedCell, type Incident, type Severity } from './incident.ts';
import { parseInput } from './internal.ts';

/** The fields of a monitor alert an incident needs (the monitor's `AlertRecord` fits it). */
export const AlertLike = z.looseObject({
  id: z.string().min(1),
  fingerprint: z.string().optional(),
  title: z.string().optional(),
  name: z.string().optional(),
  summary: z.string().optional(),
  severity: z.string(),
  series: z.string().nullable().optional(),
  status: z.string().optional(),
  startedAt: z.string().optional(),
});
export type AlertLike = z.input<typeof AlertLike>;

const severityOfAlert: Record<string, Severity> = { critical: 'SEV1', page: 'SEV2', high: 'SEV2', major: 'SEV2', error: 'SEV2', medium: 'SEV3', warning: 'SEV3', minor: 'SEV3', low: 'SEV4', info: 'SEV4', ticket: 'SEV4' };

/** Declares an incident from a monitor alert: title, severity and start come from the alert, which is linked. */
export async function declareFromAlert(
  deps: IncidentsDeps,
  alertInput: AlertLike,
  actor: Actor,
  overrides: { severity?: Severity; title?: string; affected?: AffectedCell[]; roles?: DeclareIncidentInput['roles'] } = {},
): Promise<Incident> {
  const alert = parseInput(AlertLike, alertInput, 'alert');
  const title = overrides.title ?? alert.title ?? alert.name ?? alert.series ?? `Alert ${alert.fingerprint ?? alert.id}`;
  const startedAt = alert.startedAt && !Number.isNaN(Date.parse(alert.startedAt)) ? new Date(alert.startedAt).toISOString() : undefined;
  return declareIncident(
    deps,
    {
      title: title.slice(0, 200),
      severity: overrides.severity ?? severityOfAlert[alert.severity.toLowerCase()] ?? 'SEV3',
      source: { type: 'alert', id: alert.id },
      ...(alert.summary ? { summary: alert.summary } : {}),
      ...(overrides.affected ? { affected: overrides.affected } : {}),
      ...(overrides.roles ? { roles: overrides.roles } : {}),
      ...(startedAt ? { startedAt } : {}),
    },
    actor,
  );
}

/** Declares an incident from an alert stored by the monitor (throws the monitor's AlertNotFoundError when missing). */
export async function declareFromStoredAlert(deps: IncidentsDeps, alertId: string, actor: Actor, overrides: Parameters<typeof declareFromAlert>[3] = {}): Promise<Incident> {
  const alert = await getAlert(deps, alertId);
  const { id, fingerprint, title, summary, severity, series, status, startedAt } = alert;
  return declareFromAlert(deps, { id, fingerprint, title, summary, severity, series, status, startedAt }, actor, overrides);
}
