import { newId, type Clock } from '../core/index.ts';
import { scrubText } from '../redaction/index.ts';
import type { Db } from '../storage/index.ts';
import { subjectOf, type PaymentEvent } from './event.ts';

/** Free-text fields a processor or a caller fills in; redaction runs on them before anything is stored. */
function scrubbed(e: PaymentEvent): PaymentEvent {
  if (e.kind === 'onramp') return e.failureReason ? { ...e, failureReason: scrubText(e.failureReason) } : e;
  return {
    ...e,
    ...(e.merchant ? { merchant: { ...e.merchant, name: scrubText(e.merchant.name) } } : {}),
    ...(e.declineReason ? { declineReason: scrubText(e.declineReason) } : {}),
    ...(e.threeDs?.reason ? { threeDs: { ...e.threeDs, reason: scrubText(e.threeDs.reason) } } : {}),
  };
}

/** Stores normalised payment events; a provider event id seen before is skipped (webhook retries), so recording is idempotent. */
export async function recordPaymentEvents(db: Db, events: readonly PaymentEvent[], clock: Clock): Promise<{ stored: number; duplicates: number; subjects: string[] }> {
  let stored = 0;
  let duplicates = 0;
  const now = clock.now().toISOString();
  for (const e of events) {
    const existing = await db.selectFrom('payment_events').select('id').where('provider', '=', e.provider).where('event_id', '=', e.eventId).executeTakeFirst();
    if (existing) {
      duplicates++;
      continue;
    }
    const res = await db
      .insertInto('payment_events')
      .values({ id: newId('pay', clock.nowMs()), kind: e.kind, provider: e.provider, event_id: e.eventId, subject_id: subjectOf(e), state: e.kind === 'card' ? e.type : e.status, user_ref: e.userRef ?? null, occurred_at: e.occurredAt, received_at: now, event: JSON.stringify(scrubbed(e)) })
      .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 1n) > 0) stored++;
    else duplicates++;
  }
  return { stored, duplicates, subjects: [...new Set(events.map(subjectOf))] };
}
