import { readFile } from 'node:fs/promises';
import { decodeText } from '../redaction/index.ts';
import { InputFileNotFoundError } from './errors.ts';

/** Reads a file (or standard input for `-`) as strict UTF-8 text; binary or invalid UTF-8 is a bad-input error. */
export async function readTextInput(file: string, stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
  let bytes: Buffer;
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    bytes = Buffer.concat(chunks);
  } else {
    try {
      bytes = await readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new InputFileNotFoundError(file);
      throw err;
    }
  }
  return decodeText(bytes);
}
