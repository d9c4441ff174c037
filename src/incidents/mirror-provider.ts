import { z } from 'zod';
import { newId } from '../core/index.ts';
import type { IncidentsDeps } from './deps.ts';
import { ProviderSummaryInvalidError } from './errors.ts';
import { ComponentStatus, type StatusComponent } from './incident.ts';
import { appendTimeline, setComponentStatusRow, toComponent } from './internal.ts';
import { addComponent } from './add-component.ts';

const ProviderSummary = z.looseObject({
  page: z.looseObject({ id: z.string().optional(), name: z.string().min(1) }),
  status: z.looseObject({ indicator: z.string().optional(), description: z.string().optional() }).optional(),
  components: z.array(
    z.looseObject({
      id: z.string().min(1),
      name: z.string().min(1),
      status: z.string(),
      group: z.boolean().optional(),
      group_id: z.string().nullable().optional(),
    }),
  ),
});

export interface MirrorResult {
  provider: string;
  created: number;
  changed: { componentId: string; name: string; from: string; to: ComponentStatus }[];
  unchanged: number;
}

/**
 * Mirrors a provider's Statuspage `summary.json` into third-party components grouped under the provider:
 * creates components on first sight, updates statuses (counting in uptime), and logs each change
 * in the provider log of the open incidents that are coordinating with that provider.
 */
export async function mirrorProviderSummary(deps: IncidentsDeps, provider: string, payload: unknown): Promise<MirrorResult> {
  const parsed = ProviderSummary.safeParse(payload);
  if (!parsed.success) throw new ProviderSummaryInvalidError(provider, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const summary = parsed.data;
  const { db } = deps.store;
  const existing = (await db.selectFrom('status_components').selectAll().where('provider', '=', provider).execute()).map(toComponent);
  let group = existing.find((c) => c.group && c.providerComponentId === null);
  group ??= await addComponent(deps, { name: summary.page.name, group: true, provider, description: `Mirrored from ${summary.page.name}'s status page.` });
  const result: MirrorResult = { provider, created: 0, changed: [], unchanged: 0 };
  for (const pc of summary.components) {
    if (pc.group) continue;
    const status = ComponentStatus.safeParse(pc.status);
    const next: ComponentStatus = status.success ? status.data : 'operational';
    let mine: StatusComponent | undefined = existing.find((c) => c.providerComponentId === pc.id);
    if (!mine) {
      mine = await addComponent(deps, { name: pc.name.slice(0, 120), groupId: group.id, provider, providerComponentId: pc.id, status: next });
      result.created++;
      continue;
    }
    const changed = await db.transaction().execute((trx) => setComponentStatusRow(trx, deps, mine, next));
    if (changed) result.changed.push({ componentId: mine.id, name: mine.name, from: mine.status, to: next });
    else result.unchanged++;
  }
  if (result.changed.length) await logToOpenIncidents(deps, provider, result);
  return result;
}

async function logToOpenIncidents(deps: IncidentsDeps, provider: string, result: MirrorResult): Promise<void> {
  const { db } = deps.store;
  const open = await db
    .selectFrom('incident_provider_log')
    .innerJoin('incidents', 'incidents.id', 'incident_provider_log.incident_id')
    .select('incidents.id')
    .distinct()
    .where('incident_provider_log.provider', '=', provider)
    .where('incidents.status', 'not in', ['resolved', 'completed'])
    .execute();
  const text = result.changed.map((c) => `${c.name}: ${c.from} → ${c.to}`).join('; ');
  const actor = { id: null, name: `${provider} status page` };
  for (const { id } of open) {
    await db.transaction().execute(async (trx) => {
      const at = deps.clock.now().toISOString();
      await trx.insertInto('incident_provider_log').values({ id: newId('ipl', deps.clock.nowMs()), incident_id: id, provider, direction: 'status_page', reference: null, text, provider_status: result.changed.at(-1)?.to ?? null, actor_id: null, at }).execute();
      await appendTimeline(trx, deps, id, actor, 'provider', `Status page of ${provider}: ${text}`, { provider, direction: 'status_page' });
    });
  }
}
