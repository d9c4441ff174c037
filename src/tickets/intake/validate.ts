import { TicketInputInvalidError } from '../errors.ts';

export const limits = {
  /** Longest message body or attachment text kept, in characters. */
  maxTextChars: 200_000,
  /** Deepest JSON nesting accepted on any intake path. */
  maxJsonDepth: 64,
  /** Largest attachment text kept, in characters (longer text is truncated). */
  maxAttachmentChars: 100_000,
};

/** Rejects text no ticket can be made of: empty, too long, or binary (NUL and control bytes). */
export function checkText(text: string, what: string): void {
  if (!text.trim()) throw new TicketInputInvalidError(`${what} is empty`, ['Send the user’s message text.']);
  if (text.length > limits.maxTextChars) throw new TicketInputInvalidError(`${what} is ${text.length} characters long; the limit is ${limits.maxTextChars}`, ['Send the message itself; attach logs as files.']);
  if (looksBinary(text)) throw new TicketInputInvalidError(`${what} looks like binary data, not text`, ['Send UTF-8 text.']);
  if (text.includes('\uFFFD')) throw new TicketInputInvalidError(`${what} is not valid UTF-8 (it holds replacement characters)`, ['Send UTF-8 text.']);
}

/** True for text with NUL bytes or more than 1% control characters. */
export function looksBinary(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > 0 && control * 100 > text.length;
}

/** Decodes bytes as strict UTF-8 or throws naming the problem. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TicketInputInvalidError(`${what} is not valid UTF-8`, ['Send UTF-8 text (or a MIME message with its charset declared).']);
  }
}

/** Measures JSON nesting without parsing (strings skipped); throws past `limits.maxJsonDepth`. */
export function checkJsonDepth(raw: string, what: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (++depth > limits.maxJsonDepth) throw new TicketInputInvalidError(`${what} is nested more than ${limits.maxJsonDepth} levels deep`, ['Send a flat JSON object.']);
    } else if (ch === 125 || ch === 93) depth--;
  }
}

/** Parses JSON text after the depth check; throws a 400-class error naming the problem. */
export function parseJsonText(raw: string, what: string): unknown {
  if (!raw.trim()) throw new TicketInputInvalidError(`${what} is empty`);
  checkJsonDepth(raw, what);
  try {
    return JSON.parse(raw) as unknown;
  } catch (err) {
    // V8's message quotes the input, which may hold a secret: keep only the position.
    const at = /position (\d+)/.exec((err as Error).message)?.[1];
    throw new TicketInputInvalidError(`${what} is not valid JSON${at ? ` (syntax error at character ${at})` : ''}`, ['Send one JSON value (Content-Type: application/json).']);
  }
}
