import { resolve } from 'node:path';
import type { Command } from 'commander';
import { action, addCommand } from '../define.ts';

/** `opsdesk kb export --out DIR`: the public articles as a static help centre and llms.txt + Markdown. */
export function registerKbExport(program: Command): void {
  addCommand(program, 'kb export', 'Export public articles as a static help centre (HTML) and as llms.txt + Markdown.')
    .requiredOption('--out <dir>', 'output folder (created if missing)')
    .option('--title <title>', 'site title (default "Help centre")')
    .action(
      action(async (ctx, opts: { out: string; title?: string }) => {
        const kb = await (await ctx.runtime()).kb();
        const report = kb.exportPublic(resolve(opts.out), opts.title);
        ctx.print(report, (r) => `Exported ${r.articles} public articles to ${r.dir} (${r.files.length} files: index.html, llms.txt, llms-full.txt, md/…).`);
      }),
    );
}
