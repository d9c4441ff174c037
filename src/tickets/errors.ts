import { ConflictError, NotFoundError, OpsError, ValidationError } from '../core/index.ts';

export class TicketNotFoundError extends NotFoundError {
  override name = 'TicketNotFoundError';
  constructor(id: string) {
    super(`No ticket ${id}.`, { metaMessages: ['Ticket ids look like tkt_…; list tickets with GET /api/tickets.'] });
  }
}

/** A message that cannot become a ticket (empty, too large, binary, invalid UTF-8, too deeply nested). */
export class TicketInputInvalidError extends ValidationError {
  override name = 'TicketInputInvalidError';
  constructor(problem: string, hints: readonly string[] = []) {
    super(`The ticket input is invalid: ${problem}.`, { metaMessages: hints, docsPath: 'ticket-input-invalid', context: { problem } });
  }
}

export class ImportFormatError extends ValidationError {
  override name = 'ImportFormatError';
  constructor(problem: string, hints: readonly string[] = []) {
    super(`The import file cannot be read: ${problem}.`, { metaMessages: hints, docsPath: 'import-format' });
  }
}

export class CorpusInvalidError extends OpsError {
  override name = 'CorpusInvalidError';
  constructor(problem: string, hints: readonly string[] = []) {
    super(`The triage corpus is invalid: ${problem}.`, { code: 'VALIDATION', metaMessages: hints });
  }
}

export class TriageModelInvalidError extends OpsError {
  override name = 'TriageModelInvalidError';
  constructor(file: string, problem: string) {
    super(`The triage model ${file} cannot be loaded: ${problem}.`, {
      code: 'INTERNAL',
      metaMessages: ['Rebuild it with `opsdesk triage retrain`, or restore assets/triage/ from the repository.'],
    });
  }
}

/** A retrain that scores worse on the held-out set than the model in use. */
export class RetrainRegressionError extends ConflictError {
  override name = 'RetrainRegressionError';
  constructor(current: number, candidate: number) {
    super(`The retrained model is worse on the held-out set (${(candidate * 100).toFixed(1)}% vs ${(current * 100).toFixed(1)}%); the current model is kept.`, {
      metaMessages: ['Review recent triage corrections for mislabels, or pass --force to replace the model anyway.'],
      context: { current, candidate },
    });
  }
}

export class InputFileNotFoundError extends NotFoundError {
  override name = 'InputFileNotFoundError';
  constructor(file: string) {
    super(`No file ${file}.`, { metaMessages: ['Give the path of an existing file, or - for standard input.'] });
  }
}
