import type { Command } from 'commander';
import { action, addCommand } from '../define.ts';
import { cliActor, readText } from './incident-common.ts';

/** `opsdesk incident postmortem ID`: print the saved postmortem or a generated draft; `--save FILE` stores the team's edit. */
export function registerIncidentPostmortem(program: Command): void {
  addCommand(program, 'incident postmortem <id>', 'Print the postmortem (Markdown): the saved one, or a generated draft; --save FILE stores an edited one.')
    .option('--draft', 'always print a freshly generated draft')
    .option('--save <file>', 'save this Markdown file (or - for stdin) as the postmortem')
    .option('--as <name>', 'your name in the timeline (default: the OS user)')
    .action(
      action(async (ctx, id: string, opts: { draft?: boolean; save?: string; as?: string }) => {
        const { incidents } = await ctx.runtime();
        if (opts.save) {
          const markdown = await readText(opts.save);
          await incidents.savePostmortem(id, markdown, cliActor(opts.as));
          ctx.print({ id, saved: true, length: markdown.length }, () => `Saved the postmortem of ${id} (${markdown.length} characters).`);
          return;
        }
        const saved = opts.draft ? null : (await incidents.get(id)).incident.postmortem;
        const markdown = saved ?? (await incidents.draftPostmortem(id));
        ctx.print({ id, draft: saved === null, markdown }, (r) => r.markdown);
      }),
    );
}
