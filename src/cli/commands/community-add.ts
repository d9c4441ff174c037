import type { Command } from 'commander';
import { addSource, sourceKinds, type SourceInput } from '../../community/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk community add <kind> <name> [--url U] [--subreddit S] [--bot-token-env NAME] [--interval SEC]`. */
export function registerCommunityAdd(program: Command): void {
  addCommand(program, 'community add <kind> <name>', `Add a community source (${sourceKinds.join(', ')}).`)
    .option('--url <url>', 'feed URL (rss), forum base URL (discourse), site base (reddit), Bot API base (telegram-bot)')
    .option('--subreddit <name>', 'subreddit of a reddit source')
    .option('--bot-token-env <name>', 'environment variable holding the Telegram bot token')
    .option('--interval <sec>', 'seconds between polls (default 300)')
    .option('--max-pages <n>', 'most pages per poll')
    .action(
      action(async (ctx, kind: string, name: string, opts: { url?: string; subreddit?: string; botTokenEnv?: string; interval?: string; maxPages?: string }) => {
        const { store, clock } = await ctx.runtime();
        const settings: NonNullable<SourceInput['settings']> = {};
        if (opts.subreddit) settings.subreddit = opts.subreddit;
        if (opts.botTokenEnv) settings.botTokenEnv = opts.botTokenEnv;
        if (opts.maxPages) settings.maxPages = Number(opts.maxPages);
        const input: SourceInput = { kind: kind as SourceInput['kind'], name, settings };
        if (opts.url) input.url = opts.url;
        if (opts.interval) input.pollIntervalSec = Number(opts.interval);
        const source = await addSource({ store, clock }, input);
        ctx.print(source, (s) => `${s.id}  ${s.kind}  ${s.name}${s.url ? `  ${s.url}` : ''}`);
      }),
    );
}
