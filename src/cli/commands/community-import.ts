import type { Command } from 'commander';
import { getSource, ingestPosts, parsePayload } from '../../community/index.ts';
import { readTextInput } from '../../tickets/index.ts';
import { action, addCommand } from '../define.ts';
import { communityDeps } from './community-common.ts';

/** `opsdesk community import <source> <file>`: an export of the source's kind (`-` reads stdin). */
export function registerCommunityImport(program: Command): void {
  addCommand(program, 'community import <source> <file>', 'Import an export (Telegram result.json, DiscordChatExporter JSON, store reviews CSV/JSON, RSS/Atom…) into a source; re-importing never duplicates.')
    .action(
      action(async (ctx, ref: string, file: string) => {
        const deps = await communityDeps(ctx);
        const source = await getSource(deps, ref);
        const report = await ingestPosts(deps, source, parsePayload(source.kind, await readTextInput(file)));
        ctx.print(report, (r) => [`${r.source}: new ${r.inserted}, already present ${r.duplicates}, rejected ${r.rejected}, scam reports ${r.scams}`, ...r.rejections.map((x) => `  ${x.at}: ${x.reason}`)].join('\n'));
      }),
    );
}
