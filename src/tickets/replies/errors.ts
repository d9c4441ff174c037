import { NotFoundError, ValidationError } from '../../core/index.ts';

/** An outgoing message that looks like a scam or carries a secret: it is never sent. */
export class ReplyUnsafeError extends ValidationError {
  override name = 'ReplyUnsafeError';
  constructor(reasons: readonly string[]) {
    super('The reply was not sent: it could be mistaken for an impersonation scam or it carries a secret.', {
      metaMessages: [...reasons, 'Support never asks for a seed phrase or private key, never asks users to verify, validate or sync a wallet, and links only to our own and block-explorer hosts.'],
      context: { reasons },
    });
  }
}

export class MacroNotFoundError extends NotFoundError {
  override name = 'MacroNotFoundError';
  constructor(id: string, known: readonly string[]) {
    super(`No reply macro ${id}.`, { metaMessages: [`Macros: ${known.join(', ')}.`], context: { macro: id } });
  }
}

/** A macro needs a value the ticket (and its diagnosis) does not have. */
export class MacroVariableMissingError extends ValidationError {
  override name = 'MacroVariableMissingError';
  constructor(macro: string, missing: readonly string[]) {
    super(`The macro ${macro} needs ${missing.map((m) => `{${m}}`).join(', ')}, which this ticket does not have.`, {
      metaMessages: ['Pass the values as variables, add a diagnosis, or pick another macro.'],
      context: { macro, missing },
    });
  }
}

export class ReplyBodyMissingError extends ValidationError {
  override name = 'ReplyBodyMissingError';
  constructor() {
    super('The reply has no text.', { metaMessages: ['Give a body (in the ticket’s language or in English) or a macro id.'] });
  }
}
