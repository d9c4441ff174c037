import { NotFoundError, UnavailableError, ValidationError } from '../../core/index.ts';

export class AgentNotFoundError extends NotFoundError {
  override name = 'AgentNotFoundError';
  constructor(id: string) {
    super(`No active agent ${id}.`, { metaMessages: ['List users with `opsdesk user list`; disabled users and viewers cannot take tickets.'], context: { userId: id } });
  }
}

/** Round-robin found nobody to take the ticket. */
export class NoAgentAvailableError extends UnavailableError {
  override name = 'NoAgentAvailableError';
  constructor(ticketId: string) {
    super(`No active agent can take ticket ${ticketId}.`, { metaMessages: ['Create agents (`opsdesk user create --role agent`) and give them skills (PUT /api/queue/skills/:userId).'], context: { ticketId } });
  }
}

export class QueueCursorInvalidError extends ValidationError {
  override name = 'QueueCursorInvalidError';
  constructor() {
    super('The queue cursor is invalid.', { metaMessages: ['Pass the `next` value of the previous page unchanged, or leave the cursor out for the first page.'] });
  }
}
