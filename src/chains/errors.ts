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

export class TxHashInvalidError extends ValidationError {
  override name = 'TxHashInvalidError';
  constructor(hash: string, where: string) {
    // The input is not echoed: users paste keys and seed phrases into the wrong box.
    super(`The value given (${hash.length} characters) is not a transaction hash of ${where}.`, { metaMessages: ['EVM hashes are 0x followed by 64 hex characters. Check that the hash was copied whole.'] });
  }
}

export class AddressInvalidError extends ValidationError {
  override name = 'AddressInvalidError';
  constructor(address: string, where: string) {
    // The input is not echoed: users paste private keys where addresses belong.
    super(`The value given (${address.length} characters) is not an address of ${where}.`, { metaMessages: ['EVM addresses are 0x followed by 40 hex characters; check for a missing or extra character.'] });
  }
}

export class ChainUnsupportedError extends ValidationError {
  override name = 'ChainUnsupportedError';
  constructor(slug: string, reason: string) {
    super(`Chain "${slug}" cannot be diagnosed: ${reason}.`, { metaMessages: ['Configure RPC URLs under chains.rpc.<slug>, or pass --rpc URL.'] });
  }
}
