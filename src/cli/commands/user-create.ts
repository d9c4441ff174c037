import type { Command } from 'commander';
import { createUser, StaffRole } from '../../auth/index.ts';
import { ValidationError } from '../../core/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk user create EMAIL --role ROLE`. */
export function registerUserCreate(program: Command): void {
  addCommand(program, 'user create <email>', 'Create a staff user (prints a one-time password unless --password-stdin).')
    .requiredOption('--role <role>', `one of ${StaffRole.options.join(', ')}`)
    .option('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      action(async (ctx, email: string, opts: { role: string; name?: string; passwordStdin?: boolean }) => {
        const role = StaffRole.safeParse(opts.role);
        if (!role.success) throw new ValidationError(`--role must be one of ${StaffRole.options.join(', ')}, got ${JSON.stringify(opts.role)}.`);
        const password = opts.passwordStdin ? (await readStdin()).trim() : undefined;
        const { store, clock } = await ctx.runtime();
        const res = await createUser(store.db, { email, role: role.data, ...(opts.name ? { name: opts.name } : {}), ...(password ? { password } : {}) }, null, clock);
        ctx.print(res, (r) => `Created ${r.user.email} (${r.user.role}, id ${r.user.id}).${r.oneTimePassword ? `\nOne-time password: ${r.oneTimePassword}` : ''}`);
      }),
    );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
