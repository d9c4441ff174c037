import type { Command } from 'commander';
import { listUsers } from '../../auth/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk user list`. */
export function registerUserList(program: Command): void {
  addCommand(program, 'user list', 'List staff users.').action(
    action(async (ctx) => {
      const { store } = await ctx.runtime();
      const users = await listUsers(store.db);
      ctx.print(users, (list) => (list.length ? list.map((u) => `${u.id}  ${u.email.padEnd(30)} ${u.role.padEnd(9)} ${u.disabled ? 'disabled' : 'active'}`).join('\n') : 'No users.'));
    }),
  );
}
