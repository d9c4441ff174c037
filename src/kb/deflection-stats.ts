import type { Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';

export interface DeflectionStatsOptions {
  /** ISO time; only sessions created at or after it. */
  since?: string;
  /** A session without an outcome counts as deflected after this many hours (default 24). */
  abandonAfterHours?: number;
  /** slug → categories, to attribute sessions without a category. */
  categoriesOf?: (slug: string) => readonly string[] | undefined;
}

export interface DeflectionCounts {
  sessions: number;
  deflected: number;
  submitted: number;
  open: number;
  /** deflected / (deflected + submitted); null when nothing is closed yet. */
  rate: number | null;
}

export interface DeflectionStats {
  definition: string;
  abandonAfterHours: number;
  overall: DeflectionCounts;
  byArticle: Array<DeflectionCounts & { slug: string; shown: number; opened: number }>;
  byCategory: Array<DeflectionCounts & { category: string }>;
}

export const deflectionDefinition =
  'A session is one use of the help form that showed at least one article. It is deflected when the user said the article solved it, or left without submitting a ticket within abandonAfterHours; it is submitted when a ticket was still created. Rate = deflected / (deflected + submitted). A session is attributed to the article the user opened last, else to the top suggestion; its category is the one the form sent, else the attributed article’s first category.';

/** Deflection rate overall, per article and per category (definition in docs/kb.md). */
export async function deflectionStats(db: Db, clock: Clock, options: DeflectionStatsOptions = {}): Promise<DeflectionStats> {
  const hours = options.abandonAfterHours ?? 24;
  let q = db.selectFrom('kb_deflections').selectAll();
  if (options.since) q = q.where('created_at', '>=', options.since);
  const rows = await q.execute();
  const cutoff = new Date(clock.nowMs() - hours * 3600_000).toISOString();
  const overall = empty();
  const byArticle = new Map<string, DeflectionCounts & { slug: string; shown: number; opened: number }>();
  const byCategory = new Map<string, DeflectionCounts & { category: string }>();
  const article = (slug: string) => {
    let a = byArticle.get(slug);
    if (!a) byArticle.set(slug, (a = { slug, shown: 0, opened: 0, ...empty() }));
    return a;
  };
  for (const r of rows) {
    const shown = JSON.parse(r.shown) as string[];
    if (!shown.length) continue;
    for (const s of shown) article(s).shown++;
    if (r.opened_slug) article(r.opened_slug).opened++;
    const state = r.outcome === 'submitted' ? 'submitted' : r.outcome === 'resolved' || r.created_at < cutoff ? 'deflected' : 'open';
    const attributed = r.opened_slug ?? shown[0]!;
    const category = r.category ?? options.categoriesOf?.(attributed)?.[0] ?? 'unknown';
    let c = byCategory.get(category);
    if (!c) byCategory.set(category, (c = { category, ...empty() }));
    for (const counts of [overall, article(attributed), c]) {
      counts.sessions++;
      counts[state]++;
    }
  }
  const finish = <T extends DeflectionCounts>(c: T): T => ({ ...c, rate: c.deflected + c.submitted ? Math.round((c.deflected / (c.deflected + c.submitted)) * 1000) / 1000 : null });
  return {
    definition: deflectionDefinition,
    abandonAfterHours: hours,
    overall: finish(overall),
    byArticle: [...byArticle.values()].map(finish).sort((a, b) => b.sessions - a.sessions || a.slug.localeCompare(b.slug)),
    byCategory: [...byCategory.values()].map(finish).sort((a, b) => b.sessions - a.sessions || a.category.localeCompare(b.category)),
  };
}

function empty(): DeflectionCounts {
  return { sessions: 0, deflected: 0, submitted: 0, open: 0, rate: null };
}
