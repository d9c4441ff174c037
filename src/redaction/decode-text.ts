import { TextInputInvalidError } from './errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes bytes as UTF-8 text; throws TextInputInvalidError for invalid UTF-8 or binary data (NUL or control bytes). */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new TextInputInvalidError('encoding');
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new TextInputInvalidError('binary');
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 0 && control * 100 > text.length) throw new TextInputInvalidError('binary');
  return text;
}
