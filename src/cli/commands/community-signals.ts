import type { Command } from 'commander';
import { detectBursts, listBursts, type Burst } from '../../community/index.ts';
import { action, addCommand } from '../define.ts';
import { communityDeps } from './community-common.ts';

const render = (b: Burst) => {
  const links = [b.links.clusters.length ? `clusters ${b.links.clusters.map((c) => c.id).join(',')}` : '', b.links.tickets.count ? `${b.links.tickets.count} tickets` : '', b.links.alerts.length ? `${b.links.alerts.length} alerts` : '', b.links.incidents.length ? `incidents ${b.links.incidents.map((i) => i.id).join(',')}` : ''].filter(Boolean).join(', ');
  return `${b.windowEnd}  ${b.topic.padEnd(32)} ${String(b.authors).padStart(4)} authors  ${b.ratio}× (baseline ${b.baseline})  ${links || (b.alertId ? `early warning ${b.alertId}` : 'unlinked')}`;
};

/** `opsdesk community signals [--detect] [--since ISO] [--topic T]`. */
export function registerCommunitySignals(program: Command): void {
  addCommand(program, 'community signals', 'Topic bursts (distinct authors far above their baseline); --detect looks at the window ending now first.')
    .option('--detect', 'run burst detection now (links tickets, alerts, incidents; raises early warnings)')
    .option('--since <iso>', 'bursts whose window ended after this time')
    .option('--topic <topic>', 'one topic, e.g. solana+swap+failed')
    .option('--limit <n>', 'how many (default 50)')
    .action(
      action(async (ctx, opts: { detect?: boolean; since?: string; topic?: string; limit?: string }) => {
        const deps = await communityDeps(ctx, false);
        if (opts.detect) {
          const report = await detectBursts(deps);
          ctx.print(report, (r) => (r.bursts.length ? [...r.bursts.map(render), `${r.earlyWarnings} early-warning alert(s) raised`].join('\n') : `No burst in the window ending ${r.at}.`));
          return;
        }
        const items = await listBursts(deps, { ...(opts.since ? { since: opts.since } : {}), ...(opts.topic ? { topic: opts.topic } : {}), ...(opts.limit ? { limit: Number(opts.limit) } : {}) });
        ctx.print({ items }, (p) => (p.items.length ? p.items.map(render).join('\n') : 'No bursts.'));
      }),
    );
}
