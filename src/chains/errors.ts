import { NotFoundError, ValidationError } from '../core/index.ts';

export class ChainNotFoundError extends NotFoundError {
  override name = 'ChainNotFoundError';
  constructor(slug: string, known: readonly string[]) {
    super(`Unknown chain "${slug}".`, { metaMessages: [`Known chains: ${known.join(', ')}.`, 'Add your own under "chains.custom" in the configuration.'] });
  }
}

export class ChainDefinitionInvalidError extends ValidationError {
  override name = 'ChainDefinitionInvalidError';
}
