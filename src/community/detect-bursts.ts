import { newId } from '../core/index.ts';
import { raiseAlert } from '../monitor/index.ts';
import { judgeWindow, type BurstVerdict, type TopicHit } from './burst-detector.ts';
import { correlateTopic, type BurstLinks } from './correlate.ts';
import type { CommunityDeps } from './deps.ts';

export interface Burst {
  id: string;
  topic: string;
  windowStart: string;
  windowEnd: string;
  authors: number;
  messages: number;
  baseline: number;
  ratio: number;
  links: BurstLinks;
  /** The early-warning alert raised because nothing else knew, if any. */
  alertId: string | null;
  createdAt: string;
}

export interface DetectReport {
  at: string;
  bursts: Burst[];
  /** Bursts that opened an early-warning alert in this run. */
  earlyWarnings: number;
}

/**
 * Looks for topic bursts in the window ending now (or `at`), links each to tickets, alerts and
 * incidents, and raises an early-warning alert through the monitor for a burst none of them
 * explains. A burst still going on updates its row instead of adding one.
 */
export async function detectBursts(deps: CommunityDeps, options: { at?: Date } = {}): Promise<DetectReport> {
  const c = deps.config;
  const atMs = (options.at ?? deps.clock.now()).getTime();
  const windowMs = c.burstWindowSec * 1000;
  const { db } = deps.store;
  const currentTopics = await db
    .selectFrom('community_topic_hits')
    .select('topic')
    .distinct()
    .where('posted_at', '>', new Date(atMs - windowMs).toISOString())
    .where('posted_at', '<=', new Date(atMs).toISOString())
    .execute();
  const topics = currentTopics.map((r) => r.topic);
  const hits: TopicHit[] = [];
  for (let i = 0; i < topics.length; i += 200) {
    const rows = await db
      .selectFrom('community_topic_hits')
      .select(['topic', 'author_hash', 'posted_at'])
      .where('topic', 'in', topics.slice(i, i + 200))
      .where('posted_at', '>', new Date(atMs - windowMs * (c.baselineWindows + 1)).toISOString())
      .where('posted_at', '<=', new Date(atMs).toISOString())
      .execute();
    for (const r of rows) hits.push({ topic: r.topic, author: r.author_hash, atMs: Date.parse(r.posted_at) });
  }
  const verdicts = judgeWindow(hits, atMs, { windowSec: c.burstWindowSec, baselineWindows: c.baselineWindows, minAuthors: c.burstMinAuthors, minRatio: c.burstMinRatio });
  const report: DetectReport = { at: new Date(atMs).toISOString(), bursts: [], earlyWarnings: 0 };
  for (const v of verdicts) {
    const { burst, warned } = await recordBurst(deps, v);
    report.bursts.push(burst);
    if (warned) report.earlyWarnings++;
  }
  return report;
}

async function recordBurst(deps: CommunityDeps, v: BurstVerdict): Promise<{ burst: Burst; warned: boolean }> {
  const { db } = deps.store;
  const start = new Date(v.windowStartMs).toISOString();
  const end = new Date(v.windowEndMs).toISOString();
  const now = deps.clock.now().toISOString();
  const links = await correlateTopic(deps, v.topic, new Date(v.windowStartMs - deps.config.burstWindowSec * 1000).toISOString(), end);
  const explained = links.clusters.length > 0 || links.tickets.count > 0 || links.alerts.length > 0 || links.incidents.length > 0;
  const ongoing = await db.selectFrom('community_bursts').selectAll().where('topic', '=', v.topic).where('window_end', '>=', start).orderBy('window_end', 'desc').executeTakeFirst();
  let alertId = ongoing?.alert_id ?? null;
  let warned = false;
  if (!explained) {
    const raised = await raiseAlert(deps.monitor, {
      source: 'community',
      title: `Community burst: ${v.topic.replace(/\+/g, ' + ')} (${v.ratio}× normal)`,
      summary: `${v.authors} distinct authors (${v.messages} posts) in ${Math.round(deps.config.burstWindowSec / 60)} min against a baseline of ${v.baseline} per window; no matching ticket clusters, tickets, alerts or incidents yet.`,
      severity: 'warning',
      series: `community ${v.topic}`,
      labels: { topic: v.topic, kind: 'early_warning' },
      fingerprint: `community:${v.topic}`,
      at: new Date(v.windowEndMs),
    });
    warned = raised.action !== 'deduplicated';
    alertId = raised.alert.id;
  }
  const values = { window_end: end, authors: Math.max(v.authors, ongoing?.authors ?? 0), messages: Math.max(v.messages, ongoing?.messages ?? 0), baseline: ongoing ? Math.min(v.baseline, ongoing.baseline) : v.baseline, ratio: Math.max(v.ratio, ongoing?.ratio ?? 0), links: JSON.stringify(links), alert_id: alertId };
  let id: string;
  if (ongoing) {
    id = ongoing.id;
    await db.updateTable('community_bursts').set(values).where('id', '=', id).execute();
  } else {
    id = newId('cbst', deps.clock.nowMs());
    await db.insertInto('community_bursts').values({ id, topic: v.topic, window_start: start, created_at: now, ...values }).onConflict((oc) => oc.columns(['topic', 'window_start']).doUpdateSet(values)).execute();
  }
  const row = await db.selectFrom('community_bursts').selectAll().where('topic', '=', v.topic).where('window_start', '=', ongoing?.window_start ?? start).executeTakeFirstOrThrow();
  return { burst: toBurst(row), warned };
}

/** A stored burst row as the API shows it. */
export function toBurst(r: { id: string; topic: string; window_start: string; window_end: string; authors: number; messages: number; baseline: number; ratio: number; links: string; alert_id: string | null; created_at: string }): Burst {
  return { id: r.id, topic: r.topic, windowStart: r.window_start, windowEnd: r.window_end, authors: Number(r.authors), messages: Number(r.messages), baseline: Number(r.baseline), ratio: Number(r.ratio), links: JSON.parse(r.links) as BurstLinks, alertId: r.alert_id, createdAt: r.created_at };
}
