import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { statusLabels, type Actor, type Incident } from '../../incidents/index.ts';

/** Who acts from a terminal: `--as NAME`, else the OS user; there is no principal id. */
export function cliActor(as: string | undefined): Actor {
  let name = as;
  if (!name) {
    try {
      name = userInfo().username;
    } catch {
      name = 'cli';
    }
  }
  return { id: null, name: `${name} (cli)` };
}

/** Adds `first second verb` below the program, creating the two group levels once (e.g. `status component add`). */
export function addNestedCommand(program: Command, first: string, second: string, verbAndArgs: string, description: string): Command {
  let group = program.commands.find((c) => c.name() === first);
  if (!group) group = program.command(first).description(`${first} commands`);
  let sub = group.commands.find((c) => c.name() === second);
  if (!sub) sub = group.command(second).description(`${first} ${second} commands`);
  return sub.command(verbAndArgs).description(description);
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses `ISO` or a relative `+30m` / `+2h` into an ISO time. */
export function parseWhen(value: string, nowMs: number): string {
  const rel = /^\+(\d+)([mh])$/.exec(value.trim());
  if (rel) return new Date(nowMs + Number(rel[1]) * (rel[2] === 'h' ? 3_600_000 : 60_000)).toISOString();
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ValidationError(`Not a time: ${JSON.stringify(value)}.`, { metaMessages: ['Use an ISO time such as 2026-11-27T14:00:00Z, or +30m / +2h.'] });
  return new Date(ms).toISOString();
}

export async function readText(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new ValidationError(`Cannot read ${file}: ${(err as Error).message}`);
  }
}

/** One line per incident for the human output. */
export function incidentLine(i: Incident): string {
  return `${i.id}  ${i.severity}  ${statusLabels[i.status].en.padEnd(11)} ${i.kind === 'maintenance' ? '[maintenance] ' : ''}${i.title}`;
}
