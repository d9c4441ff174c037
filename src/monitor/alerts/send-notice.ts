import { ChannelDeliveryError } from '../errors.ts';
import type { MonitorDeps } from './alert.ts';
import { post } from './channels/send.ts';
import { toChannel } from './internal.ts';
import type { Delivery } from './notify.ts';

/** A notice from another module (e.g. an SLA breach) for the alert channels: plain text, no alert record. */
export interface Notice {
  /** Machine name of the event, e.g. `sla.breach`; webhooks receive it as `event`. */
  event: string;
  title: string;
  text: string;
  link?: string;
  fields: Record<string, string>;
}

/**
 * Sends a notice to the enabled channels named `channelName` (webhook, Slack-compatible webhook or
 * e-mail); throws ChannelDeliveryError when no such channel exists or every delivery failed.
 */
export async function sendNotice(deps: MonitorDeps, channelName: string, notice: Notice): Promise<Delivery[]> {
  const channels = (await deps.store.db.selectFrom('monitor_channels').selectAll().where('enabled', '=', 1).where('name', '=', channelName).execute()).map(toChannel);
  if (!channels.length) throw new ChannelDeliveryError(channelName, 'no enabled channel has this name (add one with POST /api/monitor/channels)');
  const timeoutMs = deps.config.notifyTimeoutMs;
  const deliveries = await Promise.all(
    channels.map(async (channel): Promise<Delivery> => {
      try {
        if (channel.kind === 'incident') throw new ChannelDeliveryError(channel.name, 'an incident channel takes alerts only, not notices (name a webhook, Slack or e-mail channel)');
        else if (channel.kind === 'webhook') await post(channel.target, { event: notice.event, text: notice.text, title: notice.title, link: notice.link ?? null, fields: notice.fields }, timeoutMs, channel);
        else if (channel.kind === 'slack') {
          const context = Object.entries(notice.fields).map(([k, v]) => `*${k}:* ${v}`).join('  ·  ');
          const text = notice.link ? `${notice.title} — <${notice.link}|open>` : notice.title;
          await post(channel.target, { text: notice.text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, { type: 'context', elements: [{ type: 'mrkdwn', text: context }] }] }, timeoutMs, channel);
        } else {
          if (!deps.mailer) throw new ChannelDeliveryError(channel.name, 'no SMTP server is configured (notifications.smtpHost)');
          const to = channel.target.split(',').map((s) => s.trim()).filter(Boolean);
          const body = [notice.text, '', ...Object.entries(notice.fields).map(([k, v]) => `${k}: ${v}`), ...(notice.link ? ['', notice.link] : [])].join('\n');
          try {
            await deps.mailer.send({ to, subject: `[OpsDesk] ${notice.title}`.slice(0, 250), text: body });
          } catch (err) {
            throw new ChannelDeliveryError(channel.name, `SMTP delivery failed: ${(err as Error).message}`, err);
          }
        }
        return { channel: channel.name, ok: true };
      } catch (err) {
        return { channel: channel.name, ok: false, error: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
      }
    }),
  );
  if (!deliveries.some((d) => d.ok)) throw new ChannelDeliveryError(channelName, deliveries.map((d) => d.error).join('; '));
  return deliveries;
}
