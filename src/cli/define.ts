import type { Command } from 'commander';
import { createContext, type CliContext } from './context.ts';

/** Adds `noun verb` (or a top-level verb) to the program, creating the noun group once. */
export function addCommand(program: Command, path: string, description: string): Command {
  const [first, ...rest] = path.split(' ');
  if (!first) throw new Error('empty command path');
  const isGroup = rest.length > 0 && !rest[0]!.startsWith('<') && !rest[0]!.startsWith('[');
  if (!isGroup) return program.command(path).description(description);
  let group = program.commands.find((c) => c.name() === first);
  if (!group) group = program.command(first).description(`${first} commands`);
  return group.command(rest.join(' ')).description(description);
}

/** Wraps a command body: builds the context from the global flags and always closes it. */
export function action<A extends unknown[]>(run: (ctx: CliContext, ...args: A) => Promise<void>): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    let root = command;
    while (root.parent) root = root.parent;
    const ctx = createContext(root);
    try {
      await run(ctx, ...(args.slice(0, -1) as A));
    } finally {
      await ctx.close();
    }
  };
}
