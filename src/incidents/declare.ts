import { z } from 'zod';
import { newId } from '../core/index.ts';
import type { Actor, IncidentsDeps } from './deps.ts';
import { AffectedCell, Impact, LinkKind, Severity, SourceType, impactOfSeverity, type Incident } from './incident.ts';
import { appendTimeline, loadIncident, parseInput } from './internal.ts';

export const DeclareIncidentInput = z.strictObject({
  title: z.string().trim().min(3).max(200),
  summary: z.string().max(10_000).optional(),
  severity: Severity,
  impact: Impact.optional(),
  source: z.strictObject({ type: SourceType, id: z.string().min(1).max(200).optional() }).default({ type: 'manual' }),
  affected: z.array(AffectedCell).max(500).default([]),
  roles: z.strictObject({ commander: z.string().max(200).optional(), comms: z.string().max(200).optional(), scribe: z.string().max(200).optional() }).default({}),
  links: z.array(z.strictObject({ kind: LinkKind, id: z.string().min(1).max(200) })).max(1000).default([]),
  workaround: z.string().max(2000).optional(),
  usersAffected: z.number().int().nonnegative().optional(),
  startedAt: z.iso.datetime({ offset: true }).optional(),
});
export type DeclareIncidentInput = z.input<typeof DeclareIncidentInput>;

/** Declares an incident (status investigating) from an alert, a cluster, a signal or by hand; the source is linked. */
export async function declareIncident(deps: IncidentsDeps, input: DeclareIncidentInput, actor: Actor): Promise<Incident> {
  const data = parseInput(DeclareIncidentInput, input, 'incident');
  const now = deps.clock.now().toISOString();
  const id = newId('inc', deps.clock.nowMs());
  const links = [...data.links];
  if (data.source.type !== 'manual' && data.source.id && !links.some((l) => l.kind === data.source.type && l.id === data.source.id)) {
    links.unshift({ kind: data.source.type, id: data.source.id });
  }
  await deps.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('incidents')
      .values({
        id,
        kind: 'incident',
        title: deps.redact(data.title),
        summary: data.summary === undefined ? null : deps.redact(data.summary),
        severity: data.severity,
        status: 'investigating',
        impact: data.impact ?? impactOfSeverity[data.severity],
        source_type: data.source.type,
        source_id: data.source.id ?? null,
        commander_id: data.roles.commander ?? actor.id,
        comms_id: data.roles.comms ?? null,
        scribe_id: data.roles.scribe ?? null,
        affected: JSON.stringify(data.affected),
        workaround: data.workaround === undefined ? null : deps.redact(data.workaround),
        next_update_at: null,
        users_affected: data.usersAffected ?? null,
        error_ratio: null,
        published: 0,
        started_at: data.startedAt ? new Date(data.startedAt).toISOString() : now,
        identified_at: null,
        monitoring_at: null,
        resolved_at: null,
        scheduled_for: null,
        scheduled_until: null,
        postmortem: null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const source = data.source.type === 'manual' ? 'by hand' : `from ${data.source.type} ${data.source.id ?? ''}`.trim();
    await appendTimeline(trx, deps, id, actor, 'declared', `Declared ${data.severity} ${source}: ${deps.redact(data.title)}`, { severity: data.severity, source: data.source });
    for (const link of links) {
      await trx.insertInto('incident_links').values({ incident_id: id, kind: link.kind, ref_id: link.id, created_by: actor.id, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
    }
    if (links.length) await appendTimeline(trx, deps, id, actor, 'link', `Linked ${describeLinks(links)}`, { links });
  });
  return loadIncident(deps.store.db, id);
}

export function describeLinks(links: readonly { kind: string; id: string }[]): string {
  const byKind = new Map<string, string[]>();
  for (const l of links) byKind.set(l.kind, [...(byKind.get(l.kind) ?? []), l.id]);
  return [...byKind].map(([kind, ids]) => `${ids.length} ${kind}${ids.length === 1 ? '' : 's'} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`).join(', ');
}
