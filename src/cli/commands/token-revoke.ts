import type { Command } from 'commander';
import { revokeToken } from '../../auth/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk token revoke ID`. */
export function registerTokenRevoke(program: Command): void {
  addCommand(program, 'token revoke <id>', 'Revoke an API token.').action(
    action(async (ctx, id: string) => {
      const { store, clock } = await ctx.runtime();
      await revokeToken(store.db, id, null, clock);
      ctx.print({ id, revoked: true }, () => `Revoked ${id}.`);
    }),
  );
}
