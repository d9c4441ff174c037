import { sendToChannel, type NotifyKind } from './channels/send.ts';
import type { AlertRecord, MonitorDeps } from './alert.ts';
import { addEvent, matchesAlert, severityRank, toChannel } from './internal.ts';

export interface Delivery {
  channel: string;
  ok: boolean;
  error?: string;
}

/** Sends an alert to every enabled channel whose severity floor and matchers it meets; each outcome is recorded on the alert. */
export async function notifyAlert(deps: MonitorDeps, alert: AlertRecord, kind: NotifyKind): Promise<Delivery[]> {
  const channels = (await deps.store.db.selectFrom('monitor_channels').selectAll().where('enabled', '=', 1).orderBy('name').execute()).map(toChannel);
  const targets = channels.filter((c) => severityRank(alert.severity) >= severityRank(c.minSeverity) && matchesAlert(c.matchers, alert));
  return Promise.all(
    targets.map(async (channel): Promise<Delivery> => {
      const at = deps.clock.now().toISOString();
      try {
        const note = await sendToChannel(channel, alert, kind, { timeoutMs: deps.config.notifyTimeoutMs, mailer: deps.mailer, incidents: deps.incidents });
        await addEvent(deps.store.db, alert.id, at, 'notified', null, `${kind} → ${channel.name} (${channel.kind})${note ? `: ${note}` : ''}`, deps.clock.nowMs());
        return { channel: channel.name, ok: true };
      } catch (err) {
        const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
        await addEvent(deps.store.db, alert.id, at, 'notify_failed', null, `${kind} → ${channel.name}: ${message}`, deps.clock.nowMs());
        return { channel: channel.name, ok: false, error: message };
      }
    }),
  );
}
