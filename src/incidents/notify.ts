import { redactUrl } from '../core/index.ts';
import type { IncidentsDeps } from './deps.ts';
import type { IncidentUpdate, Subscriber } from './incident.ts';
import { toSubscriber } from './internal.ts';
import { emailTexts, statusLabels } from './notify-texts.ts';
import type { PublicIncident } from './public-data.ts';
import { signingSecret, webhookKey, webhookSignature } from './signing.ts';
import { spIncident, statuspageDocument, type SpStatus } from './statuspage.ts';
import { loadComponents } from './public-data.ts';
import { unsubscribeUrl } from './unsubscribe.ts';

export interface NotifyResult {
  emails: number;
  webhooks: number;
  failed: { subscriberId: string; channel: 'email' | 'webhook'; error: string }[];
}

const pageSize = 500;
const concurrency = 8;

/** Sends an update to every confirmed subscriber of the affected components (all, for those who chose none). */
export async function notifySubscribers(deps: IncidentsDeps, published: PublicIncident, update: IncidentUpdate): Promise<NotifyResult> {
  const result: NotifyResult = { emails: 0, webhooks: 0, failed: [] };
  const affected = new Set(published.components.map((c) => c.component.id));
  const secret = await signingSecret(deps);
  const components = await loadComponents(deps);
  const statusDoc = (await statuspageDocument({ deps, lang: deps.statusPage.defaultLang }, 'status')) as { status: SpStatus };
  let after = '';
  for (;;) {
    const rows = await deps.store.db
      .selectFrom('status_subscribers')
      .selectAll()
      .where('confirmed', '=', 1)
      .where('unsubscribed_at', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (!rows.length) break;
    after = rows.at(-1)!.id;
    const targets = rows.map(toSubscriber).filter((s) => !s.componentIds.length || s.componentIds.some((id) => affected.has(id)));
    for (let i = 0; i < targets.length; i += concurrency) {
      await Promise.all(
        targets.slice(i, i + concurrency).map(async (s) => {
          try {
            if (s.channel === 'email') {
              await sendEmail(deps, s, published, update);
              result.emails++;
            } else {
              await sendWebhook(deps, s, secret, published, update, components, statusDoc.status);
              result.webhooks++;
            }
          } catch (err) {
            result.failed.push({ subscriberId: s.id, channel: s.channel, error: deps.redact(err instanceof Error ? err.message : String(err)).slice(0, 300) });
          }
        }),
      );
    }
    if (rows.length < pageSize) break;
  }
  if (result.failed.length) deps.logger.warn({ failed: result.failed.length, incidentId: published.incident.id }, 'some subscriber notifications failed');
  return result;
}

async function sendEmail(deps: IncidentsDeps, s: Subscriber, published: PublicIncident, update: IncidentUpdate): Promise<void> {
  if (!deps.mailer || !s.email) throw new Error('e-mail is not configured');
  const i = published.incident;
  const label = statusLabels[update.status][s.lang];
  const link = await unsubscribeUrl(deps, s.id);
  const footer = emailTexts[s.lang].footer.replace('{page}', deps.statusPage.name).replace('{link}', link);
  const body = [`${i.title} — ${label}`, '', update.bodies[s.lang], '', `${deps.publicUrl}/status/incidents/${i.id}`, '', '—', footer].join('\n');
  await deps.mailer.send({
    to: s.email,
    subject: `[${deps.statusPage.name}] ${label}: ${i.title}`,
    text: body,
    headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Auto-Submitted': 'auto-generated' },
  });
}

async function sendWebhook(
  deps: IncidentsDeps,
  s: Subscriber,
  secret: string,
  published: PublicIncident,
  update: IncidentUpdate,
  components: Parameters<typeof spIncident>[2],
  status: SpStatus,
): Promise<void> {
  if (!s.webhookUrl) throw new Error('no webhook URL');
  const incident = spIncident(published, { deps, lang: s.lang }, components);
  const payload = {
    meta: { unsubscribe: await unsubscribeUrl(deps, s.id), documentation: `${deps.publicUrl}/status`, event: published.incident.kind === 'maintenance' ? 'maintenance.update' : 'incident.update', update_id: update.id },
    page: { id: deps.statusPage.pageId, status_indicator: status.indicator, status_description: status.description },
    incident,
  };
  const body = JSON.stringify(payload);
  const signature = webhookSignature(webhookKey(secret, s.id), body, Math.floor(deps.clock.nowMs() / 1000));
  const res = await (deps.fetch ?? fetch)(s.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'OpsDesk-Status/1', 'x-opsdesk-signature': signature, 'x-opsdesk-event': payload.meta.event },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(deps.statusPage.webhookTimeoutMs),
  });
  await res.body?.cancel().catch(() => undefined);
  if (res.status < 200 || res.status >= 300) throw new Error(`webhook ${redactUrl(s.webhookUrl)} answered ${res.status}`);
}
