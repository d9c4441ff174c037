import type { Command } from 'commander';
import { createToken, Role } from '../../auth/index.ts';
import { ValidationError } from '../../core/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk token create NAME --role ROLE`: prints the secret once. */
export function registerTokenCreate(program: Command): void {
  addCommand(program, 'token create <name>', 'Create an API token; the secret is printed once.')
    .requiredOption('--role <role>', `one of ${Role.options.join(', ')} (ingest: telemetry only)`)
    .option('--expires-in-days <days>', 'expiry in days')
    .action(
      action(async (ctx, name: string, opts: { role: string; expiresInDays?: string }) => {
        const role = Role.safeParse(opts.role);
        if (!role.success) throw new ValidationError(`--role must be one of ${Role.options.join(', ')}, got ${JSON.stringify(opts.role)}.`);
        const days = opts.expiresInDays === undefined ? undefined : Number(opts.expiresInDays);
        if (days !== undefined && (!Number.isInteger(days) || days <= 0)) throw new ValidationError('--expires-in-days must be a positive whole number.');
        const { store, clock } = await ctx.runtime();
        const res = await createToken(store.db, { name, role: role.data, ...(days ? { expiresInDays: days } : {}) }, null, clock);
        ctx.print(res, (r) => `Created token ${r.token.id} (${r.token.role}). Secret, shown once:\n${r.secret}`);
      }),
    );
}
