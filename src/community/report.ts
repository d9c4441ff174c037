import type { CommunityDeps } from './deps.ts';
import { parseList } from './internal.ts';
import { listBursts } from './list-bursts.ts';
import type { Burst } from './detect-bursts.ts';

export interface ChannelSentiment {
  source: string;
  channel: string;
  /** One point per UTC day: mean lexicon score (−1…1) and how many posts. */
  days: Array<{ day: string; sentiment: number; posts: number }>;
  sentiment: number;
  posts: number;
}

export interface Complaint {
  topic: string;
  authors: number;
  posts: number;
  sentiment: number;
  /** One redacted post, as an example. */
  example: string;
}

export interface CommunityReport {
  from: string;
  to: string;
  posts: number;
  authors: number;
  channels: ChannelSentiment[];
  topComplaints: Complaint[];
  bursts: Burst[];
  scams: { open: number; byKind: Record<string, number> };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The daily report: sentiment per channel and day, the week's top complaints by distinct authors, bursts and open scam reports. */
export async function communityReport(deps: Pick<CommunityDeps, 'store' | 'clock'>, options: { days?: number; top?: number } = {}): Promise<CommunityReport> {
  const days = Math.min(Math.max(options.days ?? 7, 1), 90);
  const to = deps.clock.now();
  const from = new Date(to.getTime() - days * 86_400_000);
  const fromIso = from.toISOString();
  const { db } = deps.store;
  const rows = await db
    .selectFrom('community_messages as m')
    .innerJoin('community_sources as s', 's.id', 'm.source_id')
    .select(['s.name as source', 'm.channel', 'm.author_hash', 'm.text', 'm.topics', 'm.sentiment', 'm.posted_at'])
    .where('m.posted_at', '>=', fromIso)
    .where('m.posted_at', '<=', to.toISOString())
    .execute();
  const channels = new Map<string, { source: string; channel: string; days: Map<string, { sum: number; n: number }>; sum: number; n: number }>();
  const complaints = new Map<string, { authors: Set<string>; posts: number; sum: number; example: string; exampleScore: number }>();
  const authors = new Set<string>();
  for (const r of rows) {
    authors.add(r.author_hash);
    const key = `${r.source}\u0000${r.channel}`;
    let ch = channels.get(key);
    if (!ch) channels.set(key, (ch = { source: r.source, channel: r.channel, days: new Map(), sum: 0, n: 0 }));
    const day = r.posted_at.slice(0, 10);
    const d = ch.days.get(day) ?? { sum: 0, n: 0 };
    d.sum += Number(r.sentiment);
    d.n++;
    ch.days.set(day, d);
    ch.sum += Number(r.sentiment);
    ch.n++;
    for (const topic of parseList(r.topics)) {
      if (topic.startsWith('category:')) continue;
      let c = complaints.get(topic);
      if (!c) complaints.set(topic, (c = { authors: new Set(), posts: 0, sum: 0, example: '', exampleScore: Infinity }));
      c.authors.add(r.author_hash);
      c.posts++;
      c.sum += Number(r.sentiment);
      const s = Number(r.sentiment);
      if (s < c.exampleScore && r.text.length <= 600) {
        c.example = r.text;
        c.exampleScore = s;
      }
    }
  }
  const topComplaints = [...complaints.entries()]
    .map(([topic, c]) => ({ topic, authors: c.authors.size, posts: c.posts, sentiment: round(c.sum / c.posts), example: c.example }))
    .sort((a, b) => b.authors - a.authors || b.topic.split('+').length - a.topic.split('+').length || a.topic.localeCompare(b.topic))
    .slice(0, options.top ?? 10);
  const scamRows = await db.selectFrom('community_scams').select(['kind']).where('status', '=', 'open').where('posted_at', '>=', fromIso).execute();
  const byKind: Record<string, number> = {};
  for (const s of scamRows) byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
  return {
    from: fromIso,
    to: to.toISOString(),
    posts: rows.length,
    authors: authors.size,
    channels: [...channels.values()]
      .map((c) => ({ source: c.source, channel: c.channel, sentiment: round(c.sum / c.n), posts: c.n, days: [...c.days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, d]) => ({ day, sentiment: round(d.sum / d.n), posts: d.n })) }))
      .sort((a, b) => b.posts - a.posts || a.channel.localeCompare(b.channel)),
    topComplaints,
    bursts: await listBursts(deps, { since: fromIso, limit: 100 }),
    scams: { open: scamRows.length, byKind },
  };
}
