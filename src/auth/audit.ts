import { newId, systemClock, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import type { Principal } from './roles.ts';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  requestId?: string | null;
  /** Must not carry secrets or message bodies: ids and field names only. */
  detail?: Record<string, unknown>;
}

/** Appends one row to the audit log (changes, and every read of a ticket's content). */
export async function writeAudit(db: Db, actor: Principal | null, entry: AuditEntry, clock: Clock = systemClock): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId('aud', clock.nowMs()),
      at: clock.now().toISOString(),
      actor_id: actor?.id ?? null,
      actor_kind: actor?.kind ?? 'system',
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      ip: entry.ip ?? null,
      request_id: entry.requestId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

export interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  actorKind: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
}

/** Lists audit rows, newest first, optionally for one target. */
export async function listAudit(db: Db, filter: { targetType?: string; targetId?: string; limit?: number } = {}): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(Math.min(filter.limit ?? 100, 1000));
  if (filter.targetType) q = q.where('target_type', '=', filter.targetType);
  if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorKind: r.actor_kind,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
  }));
}
