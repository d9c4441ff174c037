import type { MonitorDeps, RaiseAlertInput } from '../alerts/alert.ts';
import { raiseAlert, type RaiseResult } from '../alerts/raise.ts';
import { clearAlert } from '../alerts/resolve.ts';
import { diffStatuspage, fetchStatuspage, statuspageAlerts, type ComponentChange, type ProviderSnapshot } from './statuspage.ts';

/** Raises the alert of each problem and clears the fingerprints that are healthy again. */
export async function applyProbeVerdicts(deps: MonitorDeps, verdicts: ReadonlyArray<{ fingerprint: string; alert: RaiseAlertInput | null }>): Promise<RaiseResult[]> {
  const raised: RaiseResult[] = [];
  for (const v of verdicts) {
    if (v.alert) raised.push(await raiseAlert(deps, v.alert));
    else await clearAlert(deps, v.fingerprint, 'probe healthy again');
  }
  return raised;
}

const metaKey = (provider: string) => `monitor.statuspage.${provider}`;

/**
 * Polls a provider's Statuspage-format summary.json, records component status changes (the last
 * snapshot is kept in the store, so replicas and restarts see the same history) and turns them into alerts.
 */
export async function pollProviderStatus(deps: MonitorDeps, provider: string, url: string, options: { timeoutMs?: number; onPayload?: (payload: unknown) => void } = {}): Promise<{ snapshot: ProviderSnapshot; changes: ComponentChange[]; alerts: RaiseResult[] }> {
  const snapshot = await fetchStatuspage(provider, url, { clock: deps.clock, ...options });
  const row = await deps.store.db.selectFrom('opsdesk_meta').select('value').where('key', '=', metaKey(provider)).executeTakeFirst();
  const previous = row ? (JSON.parse(row.value) as ProviderSnapshot) : undefined;
  const changes = diffStatuspage(previous, snapshot);
  const alerts = await applyProbeVerdicts(deps, statuspageAlerts(snapshot, changes));
  const value = JSON.stringify(snapshot);
  await deps.store.db
    .insertInto('opsdesk_meta')
    .values({ key: metaKey(provider), value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  return { snapshot, changes, alerts };
}
