import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { newSecret } from '../core/index.ts';
import type { IncidentsDeps } from './deps.ts';

const metaKey = 'status_page.signing_secret';

/** The page's signing secret: from config, else generated once and kept in the store (shared by replicas). */
export async function signingSecret(deps: Pick<IncidentsDeps, 'store' | 'statusPage'>): Promise<string> {
  if (deps.statusPage.signingSecret) return deps.statusPage.signingSecret;
  const { db } = deps.store;
  const found = await db.selectFrom('opsdesk_meta').select('value').where('key', '=', metaKey).executeTakeFirst();
  if (found) return found.value;
  await db.insertInto('opsdesk_meta').values({ key: metaKey, value: newSecret() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('opsdesk_meta').select('value').where('key', '=', metaKey).executeTakeFirstOrThrow();
  return row.value;
}

export function hmacHex(key: string, message: string): string {
  return createHmac('sha256', key).update(message).digest('hex');
}

/** The token in a subscriber's one-click unsubscribe link. */
export function unsubscribeToken(secret: string, subscriberId: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${subscriberId}`).digest('base64url');
}

/** The per-subscriber webhook signing key; derived, so it is never stored. */
export function webhookKey(secret: string, subscriberId: string): string {
  return createHmac('sha256', secret).update(`webhook:${subscriberId}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The webhook signature header value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * Receivers recompute it with their key and reject old timestamps to stop replays.
 */
export function webhookSignature(key: string, body: string, unixSec: number): string {
  return `t=${unixSec},v1=${hmacHex(key, `${unixSec}.${body}`)}`;
}
