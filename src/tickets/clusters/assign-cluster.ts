import { newId, systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { TicketNotFoundError } from '../errors.ts';
import type { TriageEntities } from '../ticket.ts';
import { defaultClusterOptions, type ClusterAssignment, type ClusterOptions, type ClusterReason } from './cluster.ts';
import { detectClusterSpike } from './detect-spike.ts';
import { clusterKeys, clusterTitle, lshKeys, minHash, shingles, signatureOf, similarity, type ClusterKeys } from './fingerprint.ts';
import { openTicketStatuses, refreshCluster, ticketEvent } from './internal.ts';

export interface AssignClusterOptions {
  clock?: Clock;
  options?: Partial<ClusterOptions>;
  /** Cluster ids emptied by a recompute that a new cluster may take over (keeps incident links stable). */
  reusableIds?: string[];
}

const rank: Record<ClusterReason, number> = { manual: 5, tx_hash: 4, address: 3, signature: 2, text: 1 };

/**
 * Puts an open ticket into the cluster of the open ticket that describes the same problem (same tx
 * hash or address; same category, chain, token and app version; or near-duplicate redacted text),
 * creating the cluster when the match had none, then checks the cluster for a spike.
 */
export async function assignCluster(db: Db, ticketId: string, opts: AssignClusterOptions = {}): Promise<ClusterAssignment> {
  const clock = opts.clock ?? systemClock;
  const o = { ...defaultClusterOptions, ...opts.options };
  const ticket = await db.selectFrom('tickets').select(['id', 'status', 'category', 'chains', 'entities', 'redacted_text', 'created_at']).where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) throw new TicketNotFoundError(ticketId);
  const keys = clusterKeys(JSON.parse(ticket.entities) as TriageEntities, JSON.parse(ticket.chains) as string[]);
  const signature = signatureOf(ticket.category, keys);
  const sig = minHash(shingles(ticket.redacted_text));
  const now = clock.now().toISOString();

  const existing = await db.selectFrom('ticket_fingerprints').select(['cluster_id', 'pinned', 'reason', 'score']).where('ticket_id', '=', ticketId).executeTakeFirst();
  if (existing && (Number(existing.pinned) === 1 || existing.cluster_id)) {
    return { ticketId, clusterId: existing.cluster_id, reason: (existing.reason as ClusterReason | null) ?? null, score: existing.score === null ? null : Number(existing.score), createdCluster: false, spike: null };
  }
  const lookup = [
    ...keys.txHashes.map((h) => `tx:${h}`),
    ...keys.addresses.map((a) => `addr:${ticket.category}:${a}`),
    ...(signature ? [`sig:${signature}`] : []),
    ...lshKeys(sig),
  ];
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('ticket_fingerprints')
      .values({ ticket_id: ticketId, cluster_id: null, reason: null, score: null, pinned: 0, keys: JSON.stringify(keys), signature, minhash: JSON.stringify(sig), created_at: ticket.created_at, updated_at: now })
      .onConflict((oc) => oc.column('ticket_id').doUpdateSet({ keys: JSON.stringify(keys), signature, minhash: JSON.stringify(sig), updated_at: now }))
      .execute();
    await trx.deleteFrom('ticket_cluster_keys').where('ticket_id', '=', ticketId).execute();
    if (lookup.length) await trx.insertInto('ticket_cluster_keys').values(lookup.map((key) => ({ ticket_id: ticketId, key, created_at: ticket.created_at }))).onConflict((oc) => oc.doNothing()).execute();
  });
  if (!(openTicketStatuses as readonly string[]).includes(ticket.status) || !lookup.length) return { ticketId, clusterId: null, reason: null, score: null, createdCluster: false, spike: null };

  const createdMs = Date.parse(ticket.created_at);
  const maxWindowMs = Math.max(o.signatureWindowSec, o.textWindowSec, o.entityWindowSec) * 1000;
  // Only tickets sharing a lookup key are compared (index on key), never the whole window.
  const candidates = await db
    .selectFrom('ticket_fingerprints as f')
    .innerJoin('tickets as t', 't.id', 'f.ticket_id')
    .leftJoin('ticket_clusters as c', 'c.id', 'f.cluster_id')
    .select(['f.ticket_id', 'f.cluster_id', 'f.keys', 'f.signature', 'f.minhash', 't.category', 't.created_at', 'c.status as cluster_status'])
    .where('f.ticket_id', 'in', (eb) =>
      eb
        .selectFrom('ticket_cluster_keys')
        .select('ticket_id')
        .where('key', 'in', lookup)
        .where('created_at', '>=', new Date(createdMs - maxWindowMs).toISOString())
        .where('created_at', '<=', new Date(createdMs + maxWindowMs).toISOString()),
    )
    .where('f.ticket_id', '!=', ticketId)
    .where('t.status', 'in', [...openTicketStatuses])
    .execute();

  let best: { ticketId: string; clusterId: string | null; reason: ClusterReason; score: number; category: string; keys: ClusterKeys; signature: string | null } | undefined;
  for (const c of candidates) {
    const clusterId = c.cluster_id && c.cluster_status === 'open' ? c.cluster_id : null;
    if (c.cluster_id && !clusterId) continue;
    const other = { category: c.category, keys: JSON.parse(c.keys) as ClusterKeys, signature: c.signature };
    const match = matchOf({ category: ticket.category, keys, signature, sig }, { ...other, sig: JSON.parse(c.minhash) as number[] }, Math.abs(Date.parse(c.created_at) - createdMs) / 1000, o);
    if (!match) continue;
    const better = !best || rank[match.reason] > rank[best.reason] || (rank[match.reason] === rank[best.reason] && (match.score > best.score || (match.score === best.score && !best.clusterId && clusterId)));
    if (better) best = { ticketId: c.ticket_id, clusterId, ...match, ...other };
  }
  if (!best) return { ticketId, clusterId: null, reason: null, score: null, createdCluster: false, spike: null };

  const chosen = best;
  const result = await db.transaction().execute(async (trx) => {
    let clusterId = chosen.clusterId;
    let createdCluster = false;
    if (!clusterId) {
      const reuse = opts.reusableIds?.shift();
      clusterId = reuse ?? newId('tcl', clock.nowMs());
      createdCluster = true;
      // The problem is described by whichever of the two tickets says more (a signature beats none).
      const [category, k] = !signature && chosen.signature ? [chosen.category, chosen.keys] : [ticket.category, keys];
      const values = { title: clusterTitle(category, k), status: 'open', category, chains: JSON.stringify(k.chains), tokens: JSON.stringify(k.tokens), app_version: k.appVersion, platform: k.platform, merged_into: null, first_seen_at: ticket.created_at, last_seen_at: ticket.created_at, updated_at: now };
      if (reuse) await trx.updateTable('ticket_clusters').set(values).where('id', '=', reuse).execute();
      else await trx.insertInto('ticket_clusters').values({ id: clusterId, created_by: null, created_at: now, ...values }).execute();
      await trx.updateTable('ticket_fingerprints').set({ cluster_id: clusterId, reason: chosen.reason, score: chosen.score, updated_at: now }).where('ticket_id', '=', chosen.ticketId).execute();
      await ticketEvent(trx, clock, chosen.ticketId, 'clustered', { clusterId, reason: chosen.reason, score: chosen.score }, null, now);
    }
    await trx.updateTable('ticket_fingerprints').set({ cluster_id: clusterId, reason: chosen.reason, score: chosen.score, updated_at: now }).where('ticket_id', '=', ticketId).execute();
    await ticketEvent(trx, clock, ticketId, 'clustered', { clusterId, reason: chosen.reason, score: chosen.score }, null, now);
    await refreshCluster(trx, clusterId, now);
    return { clusterId, createdCluster };
  });
  const spike = await detectClusterSpike(db, result.clusterId, { clock, options: o });
  return { ticketId, clusterId: result.clusterId, reason: chosen.reason, score: chosen.score, createdCluster: result.createdCluster, spike };
}

interface Side {
  category: string;
  keys: ClusterKeys;
  signature: string | null;
  sig: number[];
}

function matchOf(a: Side, b: Side, apartSec: number, o: ClusterOptions): { reason: ClusterReason; score: number } | null {
  if (apartSec <= o.entityWindowSec) {
    if (a.keys.txHashes.some((h) => b.keys.txHashes.includes(h))) return { reason: 'tx_hash', score: 1 };
    // A shared address means the same problem only for the same symptom (a token contract is pasted by many users).
    if (a.category === b.category && a.keys.addresses.some((x) => b.keys.addresses.includes(x))) return { reason: 'address', score: 0.95 };
  }
  if (apartSec <= o.signatureWindowSec && a.signature && a.signature === b.signature) return { reason: 'signature', score: 0.9 };
  if (apartSec <= o.textWindowSec) {
    const s = similarity(a.sig, b.sig);
    if (s >= o.textThreshold) return { reason: 'text', score: Math.round(s * 1000) / 1000 };
  }
  return null;
}
