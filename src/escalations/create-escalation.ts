import { newId } from '../core/index.ts';
import { buildReport } from './build-report.ts';
import type { EscalationDeps, Reader } from './deps.ts';
import { gatherSources } from './gather.ts';
import { loadEscalation } from './internal-store.ts';
import type { Escalation, SourceType } from './report.ts';

/** Builds an escalation report from a ticket, a cluster or an incident and stores it (editable, redacted). */
export async function createEscalation(deps: EscalationDeps, source: { type: SourceType; id: string }, reader: Reader): Promise<Escalation> {
  const sources = await gatherSources(deps, source.type, source.id, reader);
  const report = buildReport(deps, sources);
  const id = (deps.newId ?? ((p: string) => newId(p, deps.clock.nowMs())))('esc');
  const now = deps.clock.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    await trx.insertInto('escalations').values({ id, source_type: source.type, source_id: source.id, title: report.title, status: 'draft', report: JSON.stringify(report), created_by: reader?.id ?? null, created_at: now, updated_at: now }).execute();
    for (const t of report.tickets) await trx.insertInto('escalation_tickets').values({ escalation_id: id, ticket_id: t.id, notify_status: 'none', notified_at: null }).execute();
  });
  return loadEscalation(deps.store.db, id);
}
