import { listAlerts } from '../monitor/index.ts';
import { listClusters } from '../tickets/index.ts';
import type { CommunityDeps } from './deps.ts';
import { categoryHints } from './lexicon.ts';
import { topicParts } from './topics.ts';

export interface BurstLinks {
  /** Open ticket clusters of the same category and chain, active in the window. */
  clusters: Array<{ id: string; title: string; ticketCount: number }>;
  tickets: { count: number; ids: string[]; category: string | null; chain: string | null };
  alerts: Array<{ id: string; title: string; severity: string }>;
  incidents: Array<{ id: string; title: string; status: string }>;
}

const lower = (s: string | null | undefined) => (s ?? '').toLowerCase();

/**
 * Finds what else knows about a topic around its window: open ticket clusters of the same category
 * and chain active in it, tickets of the same category or chain created in it, open monitor alerts naming the chain or feature
 * (label or title), and open incidents whose affected matrix names the chain or feature.
 */
export async function correlateTopic(deps: Pick<CommunityDeps, 'store' | 'monitor'>, topic: string, fromIso: string, toIso: string): Promise<BurstLinks> {
  const p = topicParts(topic);
  const category = p.category ?? (p.feature && categoryHints[p.feature]) ?? (p.symptom && categoryHints[p.symptom]) ?? null;
  const chain = p.chain ?? null;
  const { db } = deps.store;
  const links: BurstLinks = { clusters: [], tickets: { count: 0, ids: [], category, chain }, alerts: [], incidents: [] };
  if (category || chain) {
    let q = db.selectFrom('tickets').select('id').where('created_at', '>=', fromIso).where('created_at', '<=', toIso);
    q = q.where((eb) => {
      const ors = [];
      if (category && chain) ors.push(eb.and([eb('category', '=', category), eb('chains', 'like', `%"${chain}"%`)]));
      else if (category) ors.push(eb('category', '=', category));
      else if (chain) ors.push(eb('chains', 'like', `%"${chain}"%`));
      return eb.or(ors);
    });
    const rows = await q.orderBy('id', 'desc').limit(200).execute();
    links.tickets.count = rows.length;
    links.tickets.ids = rows.slice(0, 20).map((r) => r.id);
  }
  if (category || chain) {
    const page = await listClusters(db, { status: 'open', ...(category ? { category } : {}), limit: 200 });
    for (const cl of page.items) {
      if (cl.lastSeenAt < fromIso || (chain && cl.chains.length && !cl.chains.includes(chain))) continue;
      if (!category && !cl.chains.includes(chain ?? '')) continue;
      links.clusters.push({ id: cl.id, title: cl.title, ticketCount: cl.ticketCount });
    }
  }
  const terms = [chain, p.feature, p.appVersion].filter((t): t is string => Boolean(t));
  const open = await listAlerts(deps.monitor, { status: 'open', limit: 500 });
  for (const a of open.items) {
    if (a.source === 'community') continue;
    const hay = [a.title, a.series, ...Object.values(a.labels)].map(lower).join(' ');
    const byLabel = (chain && lower(a.labels.chain) === chain) || (p.feature && lower(a.labels.feature) === p.feature);
    if (byLabel || terms.some((t) => new RegExp(`(?:^|[^a-z0-9])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^a-z0-9])`).test(hay))) links.alerts.push({ id: a.id, title: a.title, severity: a.severity });
  }
  const incidents = await db.selectFrom('incidents').select(['id', 'title', 'status', 'affected']).where('kind', '=', 'incident').where('status', '!=', 'resolved').execute();
  for (const i of incidents) {
    let cells: Array<{ chain?: string; feature?: string; appVersion?: string }> = [];
    try {
      cells = JSON.parse(i.affected) as typeof cells;
    } catch {
      cells = [];
    }
    const hit = cells.some((c) => (chain && c.chain === chain && (!p.feature || !c.feature || c.feature === p.feature)) || (p.feature && c.feature === p.feature && (!chain || !c.chain || c.chain === chain)) || (p.appVersion && c.appVersion && p.appVersion.startsWith(c.appVersion.replace(/x$/, ''))));
    if (hit) links.incidents.push({ id: i.id, title: i.title, status: i.status });
  }
  return links;
}
