import { z } from 'zod';
import type { KbService } from '../kb/index.ts';
import { replyLocales } from '../kb/index.ts';

/** One read-only MCP tool: a validated input shape and a function producing a JSON-able result. */
export interface ToolSpec<S extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: S;
  run(args: z.infer<z.ZodObject<S>>): Promise<unknown>;
}

function tool<S extends z.ZodRawShape>(spec: ToolSpec<S>): ToolSpec {
  return spec as unknown as ToolSpec;
}

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);
const chainSlug = z.string().regex(/^[a-z0-9-]+$/).max(40);
const findingCode = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_*]+)*$/).max(100);
const locale = z.enum(replyLocales);

/** kb_search and kb_get_article over the knowledge base. */
export function kbTools(kb: () => Promise<KbService>): ToolSpec[] {
  return [
    tool({
      name: 'kb_search',
      title: 'Search the support knowledge base',
      description:
        'Finds knowledge-base articles for a user problem written in English, Spanish or Portuguese (synonyms and misspellings understood). Pass finding codes from diagnose_transaction and chain slugs to boost matching articles. Returns [{ slug, title, score, why }], best first.',
      input: {
        query: z.string().min(1).max(4000).describe('The user’s words or a short description of the problem.'),
        chains: z.array(chainSlug).max(10).optional().describe('Chain slugs involved, e.g. ["bsc"].'),
        findingCodes: z.array(findingCode).max(20).optional().describe('Finding codes from a diagnosis, e.g. ["evm.pending.nonce_gap"].'),
        locale: z.string().min(2).max(10).optional().describe('The user’s language (en, es, pt-BR).'),
        limit: z.number().int().min(1).max(20).optional().describe('How many results (default 5).'),
      },
      async run(args) {
        const service = await kb();
        const results = service.search(args.query, {
          limit: args.limit ?? 5,
          ...(args.chains ? { chains: args.chains } : {}),
          ...(args.findingCodes ? { findingCodes: args.findingCodes } : {}),
          ...(args.locale ? { locale: args.locale } : {}),
        });
        return { results };
      },
    }),
    tool({
      name: 'kb_get_article',
      title: 'Read a knowledge-base article',
      description:
        'Returns one article: its summary, the ready-to-send reply (one locale or all of en, es, pt-BR) and the internal diagnosis steps for agents. Replies never ask users for secret phrases or keys.',
      input: {
        slug: slug.describe('The article slug from kb_search, e.g. "tx-pending-evm".'),
        locale: locale.optional().describe('Only the reply in this locale (en, es, pt-BR); all when omitted.'),
      },
      async run(args) {
        const service = await kb();
        const a = service.getArticle(args.slug);
        await service.recordUsage([a.slug], 'cited');
        const replies = args.locale ? { [args.locale]: a.replies[args.locale] ?? a.replies.en } : a.replies;
        return {
          slug: a.slug,
          title: a.title,
          audience: a.audience,
          categories: a.categories,
          chains: a.chains,
          findingCodes: a.findingCodes,
          version: a.version,
          reviewBy: a.reviewBy,
          summary: a.summary,
          replies,
          diagnosis: a.diagnosis,
          related: a.links,
        };
      },
    }),
  ];
}
