import type { Command } from 'commander';
import { listScams, type ListScamsQuery } from '../../community/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk community scams [--status open] [--kind phishing_link] [--limit N]`. */
export function registerCommunityScams(program: Command): void {
  addCommand(program, 'community scams', 'Suspected impersonators, phishing links, DM-support offers and wallet lures, newest first.')
    .option('--status <status>', 'open, confirmed or dismissed')
    .option('--kind <kind>', 'impersonation, phishing_link, support_dm_offer or wallet_lure')
    .option('--limit <n>', 'how many (default 100)')
    .option('--before <id>', 'the page after this id')
    .action(
      action(async (ctx, opts: { status?: string; kind?: string; limit?: string; before?: string }) => {
        const { store } = await ctx.runtime();
        const page = await listScams({ store }, { ...opts } as ListScamsQuery);
        ctx.print(page, (p) => (p.items.length ? p.items.map((s) => `${s.postedAt}  ${s.kind.padEnd(16)} ${s.score.toFixed(2)}  ${s.sourceName}  ${s.evidence}  (${s.reasons.join('; ')})`).join('\n') : 'No scam reports.'));
      }),
    );
}
