import { redactUrl, systemClock, UnavailableError, type Clock } from '../../core/index.ts';
import type { RaiseAlertInput } from '../alerts/alert.ts';

export interface ProviderComponent {
  id: string;
  name: string;
  status: string;
}

/** What we remember of a provider's status page between polls. */
export interface ProviderSnapshot {
  provider: string;
  url: string;
  at: string;
  indicator: string;
  description: string;
  components: ProviderComponent[];
  incidents: Array<{ id: string; name: string; status: string; impact: string }>;
}

export interface ComponentChange {
  componentId: string;
  name: string;
  from: string | null;
  to: string;
}

const severityOf: Record<string, 'critical' | 'page' | 'warning' | 'info'> = { major_outage: 'page', partial_outage: 'warning', degraded_performance: 'warning', under_maintenance: 'info' };

/** Fetches a Statuspage-format `summary.json` (page, status, components, incidents). */
export async function fetchStatuspage(provider: string, url: string, options: { timeoutMs?: number; clock?: Clock; onPayload?: (payload: unknown) => void } = {}): Promise<ProviderSnapshot> {
  const clock = options.clock ?? systemClock;
  let body: unknown;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 10_000), headers: { accept: 'application/json', 'user-agent': 'OpsDesk-Probe' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = await res.json();
  } catch (err) {
    throw new UnavailableError(`The status page of ${provider} (${redactUrl(url)}) could not be read: ${(err as Error).message}.`, { cause: err, context: { provider } });
  }
  const b = body as { status?: { indicator?: string; description?: string }; components?: Array<{ id?: string; name?: string; status?: string; group?: boolean }>; incidents?: Array<{ id?: string; name?: string; status?: string; impact?: string }> };
  if (!b || typeof b !== 'object' || !Array.isArray(b.components)) throw new UnavailableError(`The status page of ${provider} (${redactUrl(url)}) is not in the Statuspage summary.json format.`, { context: { provider } });
  options.onPayload?.(body);
  return {
    provider,
    url: redactUrl(url),
    at: clock.now().toISOString(),
    indicator: b.status?.indicator ?? 'unknown',
    description: b.status?.description ?? '',
    components: b.components.filter((c) => c.id && c.name && !c.group).map((c) => ({ id: String(c.id), name: String(c.name), status: String(c.status ?? 'unknown') })),
    incidents: (b.incidents ?? []).map((i) => ({ id: String(i.id ?? ''), name: String(i.name ?? ''), status: String(i.status ?? ''), impact: String(i.impact ?? 'none') })),
  };
}

/** Components whose status changed since the previous snapshot (all non-operational ones on the first poll). */
export function diffStatuspage(previous: ProviderSnapshot | undefined, current: ProviderSnapshot): ComponentChange[] {
  const before = new Map(previous?.components.map((c) => [c.id, c.status]) ?? []);
  return current.components
    .filter((c) => (previous ? before.get(c.id) !== c.status : c.status !== 'operational'))
    .map((c) => ({ componentId: c.id, name: c.name, from: before.get(c.id) ?? null, to: c.status }));
}

/** For each changed component: the alert to raise (not operational) or the fingerprint to clear (operational again). */
export function statuspageAlerts(snapshot: ProviderSnapshot, changes: readonly ComponentChange[]): Array<{ fingerprint: string; alert: RaiseAlertInput | null; change: ComponentChange }> {
  return changes.map((change) => {
    const fingerprint = `probe.statuspage:${snapshot.provider}:${change.componentId}`;
    if (change.to === 'operational') return { fingerprint, alert: null, change };
    const incident = snapshot.incidents.find((i) => i.status !== 'resolved' && i.status !== 'postmortem');
    return {
      fingerprint,
      change,
      alert: {
        source: 'statuspage',
        fingerprint,
        severity: severityOf[change.to] ?? 'warning',
        title: `${snapshot.provider}: ${change.name} is ${change.to.replace(/_/g, ' ')}`,
        summary: `${snapshot.provider} reports ${change.name} ${change.from ? `went from ${change.from.replace(/_/g, ' ')} to` : 'as'} ${change.to.replace(/_/g, ' ')} (${snapshot.description || snapshot.indicator})${incident ? `; their incident: "${incident.name}" (${incident.status})` : ''}.`,
        series: `statuspage ${snapshot.provider}`,
        labels: { provider: snapshot.provider, component: change.name, probe: 'statuspage' },
        at: snapshot.at,
      },
    };
  });
}
