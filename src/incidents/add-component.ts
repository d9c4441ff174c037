import { z } from 'zod';
import { newId } from '../core/index.ts';
import type { IncidentsDeps } from './deps.ts';
import { ComponentStatus, type StatusComponent } from './incident.ts';
import { parseInput } from './internal.ts';
import { getComponent } from './list-components.ts';
import { ValidationError } from '../core/index.ts';

export const AddComponentInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(500).optional(),
  group: z.boolean().default(false),
  groupId: z.string().min(1).max(100).optional(),
  position: z.number().int().min(0).max(100_000).optional(),
  status: ComponentStatus.default('operational'),
  onlyShowIfDegraded: z.boolean().default(false),
  showcase: z.boolean().default(true),
  provider: z.string().trim().min(1).max(100).optional(),
  providerComponentId: z.string().min(1).max(200).optional(),
});
export type AddComponentInput = z.input<typeof AddComponentInput>;

/** Adds a component (or a group of components) to the status page. */
export async function addComponent(deps: Pick<IncidentsDeps, 'store' | 'clock'>, input: AddComponentInput): Promise<StatusComponent> {
  const data = parseInput(AddComponentInput, input, 'component');
  if (data.groupId) {
    const group = await getComponent(deps, data.groupId);
    if (!group.group) throw new ValidationError(`Component ${data.groupId} is not a group.`, { metaMessages: ['Create the group with group: true (CLI: --group) first.'] });
  }
  if (data.group && data.groupId) throw new ValidationError('A group cannot belong to another group.');
  const now = deps.clock.now().toISOString();
  const max = await deps.store.db.selectFrom('status_components').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
  const id = newId('cmp', deps.clock.nowMs());
  await deps.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('status_components')
      .values({
        id,
        name: data.name,
        description: data.description ?? null,
        is_group: data.group ? 1 : 0,
        group_id: data.groupId ?? null,
        position: data.position ?? Number(max?.p ?? 0) + 1,
        status: data.status,
        only_show_if_degraded: data.onlyShowIfDegraded ? 1 : 0,
        showcase: data.showcase ? 1 : 0,
        provider: data.provider ?? null,
        provider_component_id: data.providerComponentId ?? null,
        start_date: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx.insertInto('status_component_events').values({ id: newId('sce', deps.clock.nowMs()), component_id: id, status: data.status, at: now }).execute();
  });
  return getComponent(deps, id);
}
