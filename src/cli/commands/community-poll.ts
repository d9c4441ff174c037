import type { Command } from 'commander';
import { pollDueSources, pollSource, type PollReport } from '../../community/index.ts';
import { action, addCommand } from '../define.ts';
import { communityDeps } from './community-common.ts';

const line = (r: PollReport) => `${r.source.padEnd(24)} ${r.status.padEnd(13)} new ${r.inserted}, seen ${r.duplicates}, rejected ${r.rejected}, scams ${r.scams}, requests ${r.requests}, next ${r.nextPollAt}${r.error ? `  (${r.error})` : ''}`;

/** `opsdesk community poll [source]`: one source now, or every due source. */
export function registerCommunityPoll(program: Command): void {
  addCommand(program, 'community poll [source]', 'Poll one community source now, or every source that is due.')
    .action(
      action(async (ctx, source: string | undefined) => {
        const deps = await communityDeps(ctx);
        const reports = source ? [await pollSource(deps, source)] : await pollDueSources(deps);
        ctx.print(reports, (rs) => (rs.length ? rs.map(line).join('\n') : 'No source is due.'));
      }),
    );
}
