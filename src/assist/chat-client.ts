import { redactUrl } from '../core/index.ts';
import { AssistResponseInvalidError, AssistUnavailableError } from './errors.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatClientOptions {
  /** Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
  temperature?: number;
  fetch?: typeof fetch;
}

export interface ChatClient {
  readonly model: string;
  complete(messages: readonly ChatMessage[]): Promise<string>;
}

/** A minimal OpenAI-compatible chat-completions client (POST {baseUrl}/chat/completions). */
export function createChatClient(options: ChatClientOptions): ChatClient {
  const url = options.baseUrl.replace(/\/+$/, '') + '/chat/completions';
  const doFetch = options.fetch ?? fetch;
  return {
    model: options.model,
    async complete(messages) {
      let res: Response;
      try {
        res = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
          body: JSON.stringify({ model: options.model, messages, temperature: options.temperature ?? 0.2 }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        });
      } catch (err) {
        throw new AssistUnavailableError(redactUrl(url), err);
      }
      if (res.status >= 500 || res.status === 429) throw new AssistUnavailableError(redactUrl(url), new Error(`HTTP ${res.status}`));
      if (!res.ok) throw new AssistResponseInvalidError(`HTTP ${res.status}`);
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        throw new AssistResponseInvalidError('the body is not JSON');
      }
      const content = (body as { choices?: Array<{ message?: { content?: unknown } }> }).choices?.[0]?.message?.content;
      if (typeof content !== 'string' || !content.trim()) throw new AssistResponseInvalidError('choices[0].message.content is missing');
      return content.trim();
    },
  };
}
