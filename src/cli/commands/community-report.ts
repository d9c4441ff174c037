import type { Command } from 'commander';
import { communityReport } from '../../community/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk community report [--days 7] [--top 10] [--json]`: the daily report's community section. */
export function registerCommunityReport(program: Command): void {
  addCommand(program, 'community report', 'Sentiment per channel and day, the top complaints by distinct authors, bursts and open scam reports.')
    .option('--days <n>', 'how many days back (default 7)')
    .option('--top <n>', 'how many complaints (default 10)')
    .action(
      action(async (ctx, opts: { days?: string; top?: string }) => {
        const { store, clock } = await ctx.runtime();
        const report = await communityReport({ store, clock }, { ...(opts.days ? { days: Number(opts.days) } : {}), ...(opts.top ? { top: Number(opts.top) } : {}) });
        ctx.print(report, (r) =>
          [
            `Community ${r.from.slice(0, 10)} → ${r.to.slice(0, 10)}: ${r.posts} posts by ${r.authors} authors`,
            'Sentiment by channel (−1…1):',
            ...r.channels.map((c) => `  ${c.source} / ${c.channel}: ${c.sentiment} over ${c.posts} posts  [${c.days.map((d) => `${d.day.slice(5)} ${d.sentiment}`).join(', ')}]`),
            'Top complaints (distinct authors):',
            ...r.topComplaints.map((c) => `  ${c.topic.padEnd(32)} ${c.authors} authors, ${c.posts} posts, sentiment ${c.sentiment}`),
            `Bursts: ${r.bursts.length}; open scam reports: ${r.scams.open}`,
          ].join('\n'),
        );
      }),
    );
}
