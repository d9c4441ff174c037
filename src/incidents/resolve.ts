import type { Actor, IncidentsDeps } from './deps.ts';
import { editIncident } from './edit-incident.ts';
import { loadIncident } from './internal.ts';
import { postIncidentUpdate, type PostUpdateInput, type PostUpdateResult } from './post-update.ts';

export interface ResolveInput {
  text?: PostUpdateInput['text'];
  notify?: boolean;
  replyToTickets?: boolean;
  /** Observed error ratio during the incident (0..1), for the postmortem's error budget. */
  errorRatio?: number;
  usersAffected?: number;
}

/** Resolves an incident (or completes a maintenance) with a final public update; components return to operational. */
export async function resolveIncident(deps: IncidentsDeps, id: string, input: ResolveInput, actor: Actor): Promise<PostUpdateResult> {
  const incident = await loadIncident(deps.store.db, id);
  if (input.errorRatio !== undefined || input.usersAffected !== undefined) {
    await editIncident(deps, id, { ...(input.errorRatio !== undefined ? { errorRatio: input.errorRatio } : {}), ...(input.usersAffected !== undefined ? { usersAffected: input.usersAffected } : {}) }, actor);
  }
  return postIncidentUpdate(
    deps,
    id,
    {
      status: incident.kind === 'maintenance' ? 'completed' : 'resolved',
      ...(input.text ? { text: input.text } : {}),
      ...(input.notify !== undefined ? { notify: input.notify } : {}),
      ...(input.replyToTickets !== undefined ? { replyToTickets: input.replyToTickets } : {}),
    },
    actor,
  );
}
