import type { Command } from 'commander';
import { listSources } from '../../community/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk community sources`: every source with its polling state. */
export function registerCommunitySources(program: Command): void {
  addCommand(program, 'community sources', 'List community sources with their cursor, next poll and last error.').action(
    action(async (ctx) => {
      const { store } = await ctx.runtime();
      const items = await listSources({ store });
      ctx.print({ items }, (p) =>
        p.items.length ? p.items.map((s) => `${s.id}  ${s.kind.padEnd(15)} ${s.name.padEnd(20)} ${s.enabled ? '' : '(disabled) '}next ${s.nextPollAt ?? '-'}  cursor ${s.cursor ?? '-'}${s.lastError ? `  last error: ${s.lastError}` : ''}`).join('\n') : 'No community sources.',
      );
    }),
  );
}
