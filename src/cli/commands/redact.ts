import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { NotFoundError } from '../../core/index.ts';
import { decodeText, redactText } from '../../redaction/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk redact [FILE|-] [--json]` (CONTRACTS.md §2). */
export function registerRedact(program: Command): void {
  addCommand(program, 'redact [file]', 'Print a text with seed phrases, private keys, card data, passwords and API keys masked (FILE or - for stdin).').action(
    action(async (ctx, file: string | undefined) => {
      const bytes = !file || file === '-' ? await readStdin() : await readInput(file);
      const result = redactText(decodeText(bytes));
      ctx.print({ text: result.text, redactions: result.redactions, securityFlags: result.securityFlags }, (r) => r.text);
    }),
  );
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`No such file: ${file}.`, { metaMessages: ['Give a path to a text file, or - to read standard input.'] });
    throw error;
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
