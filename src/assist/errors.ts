import { OpsError, UnavailableError, ValidationError } from '../core/index.ts';

export class AssistUnavailableError extends UnavailableError {
  override name = 'AssistUnavailableError';
  constructor(url: string, cause: unknown) {
    super('The language-model provider did not answer.', { cause, metaMessages: ['Check assist.baseUrl and the provider’s status; drafts are optional, reply from the KB article meanwhile.'], context: { url } });
  }
}

export class AssistResponseInvalidError extends OpsError {
  override name = 'AssistResponseInvalidError';
  constructor(reason: string) {
    super(`The language-model provider answered in an unexpected shape: ${reason}.`, { code: 'UNAVAILABLE', metaMessages: ['The provider must speak the OpenAI chat-completions API (POST /chat/completions).'] });
  }
}

export class AssistDisabledError extends OpsError {
  override name = 'AssistDisabledError';
  constructor() {
    super('Drafting with a language model is turned off.', { code: 'UNAVAILABLE', metaMessages: ['Set assist.enabled, assist.baseUrl and assist.model in the configuration to turn it on.'] });
  }
}

export class DraftRejectedError extends ValidationError {
  override name = 'DraftRejectedError';
  constructor(violations: readonly string[]) {
    super('The draft was rejected because it asks the user for a secret.', { metaMessages: [...violations, 'Reply with the KB article instead; never ask for a seed phrase, key, password or card number.'], context: { violations } });
  }
}
