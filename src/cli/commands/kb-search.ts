import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { action, addCommand } from '../define.ts';

const csv = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

/** `opsdesk kb search "QUERY"`: `[{ slug, title, score, why }]` best first (CONTRACTS.md §6). */
export function registerKbSearch(program: Command): void {
  addCommand(program, 'kb search <query>', 'Search the knowledge base (English, Spanish or Portuguese); best match first.')
    .option('--chains <slugs>', 'boost articles about these chains, comma-separated (e.g. bsc,ethereum)')
    .option('--codes <codes>', 'boost articles for these finding codes, comma-separated (e.g. evm.pending.nonce_gap)')
    .option('--locale <locale>', 'the user’s language: en, es or pt-BR')
    .option('--limit <n>', 'how many results (default 5)')
    .action(
      action(async (ctx, query: string, opts: { chains?: string; codes?: string; locale?: string; limit?: string }) => {
        if (!query.trim()) throw new ValidationError('The search query is empty.', { metaMessages: ['Example: opsdesk kb search "my usdt is stuck pending" --json'] });
        const limit = opts.limit === undefined ? 5 : Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new ValidationError(`--limit must be a whole number from 1 to 100, got ${JSON.stringify(opts.limit)}.`);
        const chains = csv(opts.chains);
        const codes = csv(opts.codes);
        const kb = await (await ctx.runtime()).kb();
        const hits = kb.search(query, { limit, ...(chains ? { chains } : {}), ...(codes ? { findingCodes: codes } : {}), ...(opts.locale ? { locale: opts.locale } : {}) });
        ctx.print(hits, (list) => (list.length ? list.map((h) => `${h.score.toFixed(3)}  ${h.slug.padEnd(32)} ${h.title}\n       ${h.why.join('; ')}`).join('\n') : 'No matching article.'));
      }),
    );
}
