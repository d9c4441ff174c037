import { z } from 'zod';
import type { Actor, IncidentsDeps } from './deps.ts';
import { appendTimeline, loadIncident, parseInput, touch } from './internal.ts';

const NoteText = z.string().trim().min(1).max(10_000);

/** Adds an internal note to the incident's timeline (never published). */
export async function addNote(deps: IncidentsDeps, id: string, text: string, actor: Actor): Promise<void> {
  const note = parseInput(NoteText, text, 'note');
  await deps.store.db.transaction().execute(async (trx) => {
    await loadIncident(trx, id);
    await appendTimeline(trx, deps, id, actor, 'note', deps.redact(note));
    await touch(trx, deps, id);
  });
}
