import { newId, ValidationError } from '../../core/index.ts';
import { ChannelNotFoundError } from '../errors.ts';
import { ChannelInput, type Channel, type MonitorDeps } from './alert.ts';
import { IncidentChannelOptions } from './channels/incident.ts';
import { toChannel } from './internal.ts';
import { parseWith } from './parse.ts';

/** Adds a notification channel (webhook, Slack-compatible webhook, e-mail, or incident: opens an incident per alert). */
export async function addChannel(deps: MonitorDeps, input: ChannelInput): Promise<Channel> {
  const data = parseWith(ChannelInput, input, 'channel');
  if (data.options && data.kind !== 'incident') throw new ValidationError('Only incident channels take options.', { metaMessages: ['Leave options out, or use kind "incident".'] });
  if (data.kind === 'incident') {
    data.target = JSON.stringify(data.options ?? IncidentChannelOptions.parse({}));
  } else if (data.kind === 'email') {
    const bad = data.target.split(',').map((s) => s.trim()).filter((s) => !/^[^\s@]+@[^\s@]+$/.test(s));
    if (bad.length) throw new ValidationError(`Not an e-mail address: ${bad.join(', ')}.`, { metaMessages: ['An e-mail channel targets comma-separated addresses.'] });
  } else {
    let url: URL | undefined;
    try {
      url = new URL(data.target);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new ValidationError(`A ${data.kind} channel needs an http(s) URL.`, { metaMessages: ['For Slack, use the incoming-webhook URL of the channel.'] });
  }
  const row = { id: newId('chn', deps.clock.nowMs()), name: data.name, kind: data.kind, target: data.target, min_severity: data.minSeverity, matchers: JSON.stringify(data.matchers), enabled: 1, created_at: deps.clock.now().toISOString() };
  await deps.store.db.insertInto('monitor_channels').values(row).execute();
  return toChannel(row);
}

/** Channels by name; URL targets are shown as origin only (webhook URLs carry secrets). */
export async function listChannels(deps: MonitorDeps): Promise<Channel[]> {
  const rows = await deps.store.db.selectFrom('monitor_channels').selectAll().orderBy('name').execute();
  return rows.map(toChannel).map((c) => (c.kind === 'email' || c.kind === 'incident' ? c : { ...c, target: `${new URL(c.target).origin}/…` }));
}

/** Deletes a channel. */
export async function removeChannel(deps: MonitorDeps, id: string): Promise<void> {
  const r = await deps.store.db.deleteFrom('monitor_channels').where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new ChannelNotFoundError(id);
}
