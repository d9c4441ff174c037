import type { Command } from 'commander';
import { disableUser } from '../../auth/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk user disable ID|EMAIL`. */
export function registerUserDisable(program: Command): void {
  addCommand(program, 'user disable <user>', 'Disable a user (by id or e-mail) and end their sessions.').action(
    action(async (ctx, who: string) => {
      const { store, clock } = await ctx.runtime();
      const user = await disableUser(store.db, who, null, clock);
      ctx.print(user, (u) => `Disabled ${u.email}.`);
    }),
  );
}
