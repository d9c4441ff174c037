import type { Db } from '../storage/index.ts';
import { PaymentNotFoundError } from './errors.ts';
import { PaymentEvent } from './event.ts';

/** The stored events of one payment (authorisation id or order id), oldest first; throws PaymentNotFoundError when none. */
export async function getPaymentEvents(db: Db, subjectId: string): Promise<PaymentEvent[]> {
  const rows = await db.selectFrom('payment_events').select(['event']).where('subject_id', '=', subjectId).orderBy('occurred_at').orderBy('received_at').execute();
  if (!rows.length) throw new PaymentNotFoundError(subjectId);
  return rows.map((r) => PaymentEvent.parse(JSON.parse(r.event)));
}

/** Recent payments of a cardholder / customer reference, newest first (one entry per payment). */
export async function listPaymentsOfUser(db: Db, userRef: string, limit = 50): Promise<Array<{ subjectId: string; kind: string; provider: string; state: string; occurredAt: string }>> {
  const rows = await db.selectFrom('payment_events').select(['subject_id', 'kind', 'provider', 'state', 'occurred_at']).where('user_ref', '=', userRef).orderBy('occurred_at', 'desc').limit(limit * 5).execute();
  const seen = new Map<string, { subjectId: string; kind: string; provider: string; state: string; occurredAt: string }>();
  for (const r of rows) if (!seen.has(r.subject_id)) seen.set(r.subject_id, { subjectId: r.subject_id, kind: r.kind, provider: r.provider, state: r.state, occurredAt: r.occurred_at });
  return [...seen.values()].slice(0, limit);
}
