import { ValidationError } from '../core/index.ts';

export class TextInputInvalidError extends ValidationError {
  override name = 'TextInputInvalidError';
  constructor(reason: 'binary' | 'encoding') {
    super(reason === 'binary' ? 'The input looks like binary data, not text.' : 'The input is not valid UTF-8 text.', {
      metaMessages: ['Give a UTF-8 text file (a ticket, a chat export, a log excerpt).'],
      context: { reason },
    });
  }
}
