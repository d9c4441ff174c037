import { redactUrl } from '../../../core/index.ts';
import { ChannelDeliveryError } from '../../errors.ts';
import type { AlertMailer, AlertRecord, Channel, IncidentHooks } from '../alert.ts';
import { sendToIncident } from './incident.ts';

export type NotifyKind = 'firing' | 'reopened' | 'escalated' | 'resolved';

const marks: Record<NotifyKind, string> = { firing: 'FIRING', reopened: 'FIRING AGAIN', escalated: 'ESCALATED', resolved: 'RESOLVED' };

/** The one-line text every channel shows. */
export function alertLine(alert: AlertRecord, kind: NotifyKind): string {
  return `[${marks[kind]}] [${alert.severity.toUpperCase()}] ${alert.title}${alert.summary ? ` — ${alert.summary}` : ''}`;
}

/** POSTs JSON to a webhook URL; throws ChannelDeliveryError (URL redacted) when it fails. */
export async function post(url: string, body: unknown, timeoutMs: number, channel: Channel): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'OpsDesk-Monitor' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new ChannelDeliveryError(channel.name, `${redactUrl(url)} did not answer: ${(err as Error).message}`, err);
  }
  await res.body?.cancel().catch(() => undefined);
  if (!res.ok) throw new ChannelDeliveryError(channel.name, `${redactUrl(url)} answered HTTP ${res.status}`);
}

/** Delivers one alert notification to one channel (returns a note for incident channels); throws ChannelDeliveryError when it could not. */
export async function sendToChannel(channel: Channel, alert: AlertRecord, kind: NotifyKind, options: { timeoutMs: number; mailer: AlertMailer | undefined; incidents?: IncidentHooks | undefined }): Promise<string | undefined> {
  const text = alertLine(alert, kind);
  if (channel.kind === 'incident') {
    return sendToIncident(channel, alert, kind, options.incidents);
  } else if (channel.kind === 'webhook') {
    await post(channel.target, { event: `alert.${kind}`, text, alert }, options.timeoutMs, channel);
  } else if (channel.kind === 'slack') {
    const fields = [`*Severity:* ${alert.severity}`, `*Status:* ${alert.status}`, `*Since:* ${alert.startedAt}`, ...(alert.series ? [`*Series:* ${alert.series}`] : []), `*Alert:* ${alert.id}`];
    await post(channel.target, { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, { type: 'context', elements: [{ type: 'mrkdwn', text: fields.join('  ·  ') }] }] }, options.timeoutMs, channel);
  } else {
    if (!options.mailer) throw new ChannelDeliveryError(channel.name, 'no SMTP server is configured (notifications.smtpHost)');
    const to = channel.target.split(',').map((s) => s.trim()).filter(Boolean);
    const body = [text, '', `Severity: ${alert.severity}`, `Status: ${alert.status}`, `Started: ${alert.startedAt}`, ...(alert.series ? [`Series: ${alert.series}`] : []), ...Object.entries(alert.labels).map(([k, v]) => `${k}: ${v}`), `Alert id: ${alert.id}`].join('\n');
    try {
      await options.mailer.send({ to, subject: `[OpsDesk ${alert.severity.toUpperCase()}] ${kind === 'resolved' ? 'Resolved: ' : ''}${alert.title}`.slice(0, 250), text: body });
    } catch (err) {
      throw new ChannelDeliveryError(channel.name, `SMTP delivery failed: ${(err as Error).message}`, err);
    }
  }
  return undefined;
}
