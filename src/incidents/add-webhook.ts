import { z } from 'zod';
import { newId } from '../core/index.ts';
import type { IncidentsDeps } from './deps.ts';
import { Lang, type Subscriber } from './incident.ts';
import { parseInput, toSubscriber } from './internal.ts';
import { knownComponentIds } from './list-components.ts';
import { signingSecret, webhookKey } from './signing.ts';

export const AddWebhookInput = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  componentIds: z.array(z.string().min(1).max(100)).max(200).default([]),
  lang: Lang.default('en'),
});
export type AddWebhookInput = z.input<typeof AddWebhookInput>;

/** Adds a webhook subscriber (staff only); returns the key its deliveries are signed with, shown once. */
export async function addWebhookSubscriber(deps: IncidentsDeps, input: AddWebhookInput): Promise<{ subscriber: Subscriber; signingKey: string }> {
  const data = parseInput(AddWebhookInput, input, 'webhook subscription');
  const componentIds = await knownComponentIds(deps, data.componentIds);
  const now = deps.clock.now().toISOString();
  const row = { id: newId('sub', deps.clock.nowMs()), channel: 'webhook', email: null, webhook_url: data.url, lang: data.lang, component_ids: JSON.stringify(componentIds), confirmed: 1, confirm_token_hash: null, created_at: now, confirmed_at: now, unsubscribed_at: null };
  await deps.store.db.insertInto('status_subscribers').values(row).execute();
  return { subscriber: toSubscriber(row), signingKey: webhookKey(await signingSecret(deps), row.id) };
}

/** Lists subscribers (staff only), newest first. */
export async function listSubscribers(deps: Pick<IncidentsDeps, 'store'>, options: { activeOnly?: boolean; limit?: number } = {}): Promise<Subscriber[]> {
  let q = deps.store.db.selectFrom('status_subscribers').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(Math.min(options.limit ?? 100, 1000));
  if (options.activeOnly) q = q.where('unsubscribed_at', 'is', null).where('confirmed', '=', 1);
  return (await q.execute()).map(toSubscriber);
}
