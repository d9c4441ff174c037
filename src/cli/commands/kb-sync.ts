import type { Command } from 'commander';
import { action, addCommand } from '../define.ts';

/** `opsdesk kb sync`: load kb/*.md into the store now and report what changed. */
export function registerKbSync(program: Command): void {
  addCommand(program, 'kb sync', 'Load the Markdown articles of kb.dir into the store (new versions for changed files).')
    .action(
      action(async (ctx) => {
        const kb = await (await ctx.runtime()).kb();
        const r = await kb.sync();
        const value = { dir: kb.dir, articles: kb.size, added: r.added, updated: r.updated, unchanged: r.unchanged, archived: r.archived, problems: r.problems };
        ctx.print(value, (v) =>
          [`${v.articles} articles from ${v.dir}: ${v.added.length} added, ${v.updated.length} updated, ${v.unchanged} unchanged, ${v.archived.length} archived.`, ...v.problems.map((p) => `  ! ${p.file}: ${p.message}`)].join('\n'),
        );
      }),
    );
}
