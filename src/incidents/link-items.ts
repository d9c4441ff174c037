import { z } from 'zod';
import type { Actor, IncidentsDeps } from './deps.ts';
import { describeLinks } from './declare.ts';
import { LinkKind, type IncidentLink } from './incident.ts';
import { appendTimeline, loadIncident, parseInput, touch } from './internal.ts';

export const LinkItemsInput = z.array(z.strictObject({ kind: LinkKind, id: z.string().min(1).max(200) })).min(1).max(1000);
export type LinkItemsInput = z.input<typeof LinkItemsInput>;

/** Links alerts, tickets, clusters or signals to an incident; the timeline records what was new and the ticket count. */
export async function linkItems(deps: IncidentsDeps, id: string, input: LinkItemsInput, actor: Actor): Promise<{ added: number; ticketCount: number }> {
  const links = parseInput(LinkItemsInput, input, 'links');
  return deps.store.db.transaction().execute(async (trx) => {
    await loadIncident(trx, id);
    const now = deps.clock.now().toISOString();
    const added: { kind: string; id: string }[] = [];
    for (const link of links) {
      const res = await trx.insertInto('incident_links').values({ incident_id: id, kind: link.kind, ref_id: link.id, created_by: actor.id, created_at: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) > 0) added.push(link);
    }
    const count = await trx.selectFrom('incident_links').select((eb) => eb.fn.countAll<string>().as('n')).where('incident_id', '=', id).where('kind', '=', 'ticket').executeTakeFirstOrThrow();
    const ticketCount = Number(count.n);
    if (added.length) {
      const tickets = added.some((l) => l.kind === 'ticket') ? `; ${ticketCount} linked ticket${ticketCount === 1 ? '' : 's'} in all` : '';
      await appendTimeline(trx, deps, id, actor, 'link', `Linked ${describeLinks(added)}${tickets}`, { links: added, ticketCount });
      await touch(trx, deps, id);
    }
    return { added: added.length, ticketCount };
  });
}

/** The items linked to an incident, oldest first. */
export async function listLinks(deps: Pick<IncidentsDeps, 'store'>, id: string): Promise<IncidentLink[]> {
  const rows = await deps.store.db.selectFrom('incident_links').selectAll().where('incident_id', '=', id).orderBy('created_at').orderBy('ref_id').execute();
  return rows.map((r) => ({ kind: r.kind as IncidentLink['kind'], refId: r.ref_id, createdAt: r.created_at, createdBy: r.created_by }));
}
