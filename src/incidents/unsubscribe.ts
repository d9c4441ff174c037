import type { IncidentsDeps } from './deps.ts';
import { SubscriptionTokenInvalidError } from './errors.ts';
import { safeEqual, signingSecret, unsubscribeToken } from './signing.ts';

/** Ends a subscription from its signed one-click link; repeating it is harmless. */
export async function unsubscribe(deps: IncidentsDeps, subscriberId: string, token: string): Promise<void> {
  const secret = await signingSecret(deps);
  if (!subscriberId || !token || !safeEqual(unsubscribeToken(secret, subscriberId), token)) throw new SubscriptionTokenInvalidError('unsubscribe');
  const row = await deps.store.db.selectFrom('status_subscribers').select(['id', 'unsubscribed_at']).where('id', '=', subscriberId).executeTakeFirst();
  if (!row) throw new SubscriptionTokenInvalidError('unsubscribe');
  if (row.unsubscribed_at) return;
  await deps.store.db.updateTable('status_subscribers').set({ unsubscribed_at: deps.clock.now().toISOString() }).where('id', '=', subscriberId).execute();
}

/** The one-click unsubscribe URL of a subscriber (RFC 8058). */
export async function unsubscribeUrl(deps: Pick<IncidentsDeps, 'store' | 'statusPage' | 'publicUrl'>, subscriberId: string): Promise<string> {
  const secret = await signingSecret(deps);
  return `${deps.publicUrl}/api/status/subscribers/unsubscribe?id=${encodeURIComponent(subscriberId)}&token=${unsubscribeToken(secret, subscriberId)}`;
}
