import type { EscalationDeps } from './deps.ts';
import { EscalationAlreadySentError } from './errors.ts';
import { createIssue } from './exporters/client.ts';
import { issuePayload } from './exporters/payloads.ts';
import { loadEscalation } from './internal-store.ts';
import type { Escalation, Tracker } from './report.ts';

/** Creates the escalation as an issue in GitHub, Jira or Linear and stores the link and state (shown on its tickets). */
export async function sendEscalation(deps: EscalationDeps, id: string, tracker: Tracker): Promise<Escalation> {
  const e = await loadEscalation(deps.store.db, id);
  const existing = e.issues.find((i) => i.tracker === tracker);
  if (existing) throw new EscalationAlreadySentError(id, tracker, existing.url);
  const issue = await createIssue(issuePayload(e, tracker, deps.config), deps.config, deps.fetch ?? fetch);
  const now = deps.clock.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    await trx.insertInto('escalation_issues').values({ escalation_id: id, tracker, external_id: issue.externalId, key: issue.key, url: issue.url, state: issue.state, closed: issue.closed ? 1 : 0, created_at: now, synced_at: now }).execute();
    await trx.updateTable('escalations').set({ status: 'sent', updated_at: now }).where('id', '=', id).execute();
  });
  return loadEscalation(deps.store.db, id);
}
