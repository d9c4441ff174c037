import type { Command } from 'commander';
import { listTokens } from '../../auth/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk token list`. */
export function registerTokenList(program: Command): void {
  addCommand(program, 'token list', 'List API tokens (never their secrets).').action(
    action(async (ctx) => {
      const { store } = await ctx.runtime();
      const tokens = await listTokens(store.db);
      ctx.print(tokens, (list) => (list.length ? list.map((t) => `${t.id}  ${t.prefix}…  ${t.role.padEnd(8)} ${t.name}${t.revokedAt ? '  (revoked)' : ''}`).join('\n') : 'No tokens.'));
    }),
  );
}
