import { createCommunityDeps, type CommunityDeps } from '../../community/index.ts';
import type { CliContext } from '../context.ts';

/** The community verbs' dependencies from the CLI runtime (triage categories when the model loads). */
export async function communityDeps(ctx: CliContext, withTriage = true): Promise<CommunityDeps> {
  const runtime = await ctx.runtime();
  const tickets = withTriage ? await runtime.tickets().catch(() => undefined) : undefined;
  return createCommunityDeps({ store: runtime.store, clock: runtime.clock, config: runtime.config, monitor: runtime.monitor, registry: runtime.chains.registry, ...(tickets ? { triager: tickets.triager } : {}) });
}
