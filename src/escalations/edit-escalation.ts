import type { Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { scrubDeep } from './internal.ts';
import { loadEscalation } from './internal-store.ts';
import { EscalationEdit, type Escalation } from './report.ts';

/** Edits the human parts of a stored report (title, summary, expected/actual, steps, workaround); the edit is redacted like everything else. */
export async function editEscalation(db: Db, id: string, edit: EscalationEdit, clock: Clock): Promise<Escalation> {
  const patch = scrubDeep(EscalationEdit.parse(edit));
  const current = await loadEscalation(db, id);
  const report = { ...current.report, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  await db.updateTable('escalations').set({ title: report.title, report: JSON.stringify(report), updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
  return loadEscalation(db, id);
}
