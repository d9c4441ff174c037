import { ValidationError } from '../core/index.ts';

export class MessageCatalogueInvalidError extends ValidationError {
  override name = 'MessageCatalogueInvalidError';
  constructor(file: string, problem: string) {
    super(`The message catalogue ${file} is invalid: ${problem}.`, { metaMessages: ['Each locales/<locale>.json is one JSON object of "key": "ICU message" pairs.'], context: { file } });
  }
}

export class MessageKeyUnknownError extends ValidationError {
  override name = 'MessageKeyUnknownError';
  constructor(key: string) {
    super(`The message "${key}" is not in the English catalogue.`, { metaMessages: ['Add it to locales/en.json (and its translations to es.json and pt-BR.json).'], context: { key } });
  }
}
