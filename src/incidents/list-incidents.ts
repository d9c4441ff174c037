import { z } from 'zod';
import type { IncidentsDeps } from './deps.ts';
import type { Incident } from './incident.ts';
import { parseInput, toIncident } from './internal.ts';

export const ListIncidentsFilter = z.strictObject({
  kind: z.enum(['incident', 'maintenance']).optional(),
  open: z.boolean().optional(),
  severity: z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4']).optional(),
  limit: z.number().int().min(1).max(500).default(50),
  /** Cursor: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type ListIncidentsFilter = z.input<typeof ListIncidentsFilter>;

/** Lists incidents, newest first, a page at a time. */
export async function listIncidents(deps: Pick<IncidentsDeps, 'store'>, filterInput: ListIncidentsFilter = {}): Promise<{ items: Incident[]; nextCursor: string | null }> {
  const f = parseInput(ListIncidentsFilter, filterInput, 'incident filter');
  let q = deps.store.db.selectFrom('incidents').selectAll().orderBy('id', 'desc').limit(f.limit + 1);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.severity) q = q.where('severity', '=', f.severity);
  if (f.open === true) q = q.where('status', 'not in', ['resolved', 'completed']);
  if (f.open === false) q = q.where('status', 'in', ['resolved', 'completed']);
  if (f.cursor) q = q.where('id', '<', f.cursor);
  const rows = await q.execute();
  const items = rows.slice(0, f.limit).map(toIncident);
  return { items, nextCursor: rows.length > f.limit ? (items.at(-1)?.id ?? null) : null };
}
