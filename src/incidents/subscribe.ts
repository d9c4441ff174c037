import { z } from 'zod';
import { newId, newSecret } from '../core/index.ts';
import type { IncidentsDeps } from './deps.ts';
import { EmailNotConfiguredError, SubscriptionTokenInvalidError } from './errors.ts';
import { Lang, type Subscriber } from './incident.ts';
import { parseInput, toSubscriber } from './internal.ts';
import { emailTexts } from './notify-texts.ts';
import { sha256Hex } from './signing.ts';
import { knownComponentIds } from './list-components.ts';

export const SubscribeEmailInput = z.strictObject({
  email: z.email().max(320).transform((e) => e.toLowerCase()),
  componentIds: z.array(z.string().min(1).max(100)).max(200).default([]),
  lang: Lang.default('en'),
});
export type SubscribeEmailInput = z.input<typeof SubscribeEmailInput>;

/**
 * Starts an e-mail subscription (double opt-in): stores it unconfirmed and sends a confirmation link.
 * Answers the same whether or not the address was already subscribed, so addresses cannot be probed.
 */
export async function subscribeEmail(deps: IncidentsDeps, input: SubscribeEmailInput): Promise<{ id: string }> {
  const data = parseInput(SubscribeEmailInput, input, 'subscription');
  if (!deps.mailer) throw new EmailNotConfiguredError();
  const componentIds = await knownComponentIds(deps, data.componentIds);
  const token = newSecret();
  const now = deps.clock.now().toISOString();
  const id = newId('sub', deps.clock.nowMs());
  await deps.store.db
    .insertInto('status_subscribers')
    .values({ id, channel: 'email', email: data.email, webhook_url: null, lang: data.lang, component_ids: JSON.stringify(componentIds), confirmed: 0, confirm_token_hash: sha256Hex(token), created_at: now, confirmed_at: null, unsubscribed_at: null })
    .execute();
  const t = emailTexts[data.lang];
  const link = `${deps.publicUrl}/api/status/subscribers/confirm?token=${encodeURIComponent(token)}`;
  await deps.mailer.send({
    to: data.email,
    subject: t.confirmSubject.replace('{page}', deps.statusPage.name),
    text: t.confirmBody.replace('{page}', deps.statusPage.name).replace('{link}', link),
  });
  return { id };
}

/** Confirms an e-mail subscription from the link; an older subscription of the same address is replaced. */
export async function confirmSubscription(deps: IncidentsDeps, token: string): Promise<Subscriber> {
  if (!token || token.length > 200) throw new SubscriptionTokenInvalidError('confirmation');
  return deps.store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('status_subscribers').selectAll().where('confirm_token_hash', '=', sha256Hex(token)).where('unsubscribed_at', 'is', null).executeTakeFirst();
    if (!row) throw new SubscriptionTokenInvalidError('confirmation');
    const now = deps.clock.now().toISOString();
    await trx.updateTable('status_subscribers').set({ confirmed: 1, confirmed_at: now, confirm_token_hash: null }).where('id', '=', row.id).execute();
    if (row.email) {
      await trx.updateTable('status_subscribers').set({ unsubscribed_at: now }).where('email', '=', row.email).where('id', '!=', row.id).where('unsubscribed_at', 'is', null).execute();
    }
    return toSubscriber({ ...row, confirmed: 1, confirmed_at: now, confirm_token_hash: null });
  });
}
