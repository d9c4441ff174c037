import type { Clock, Config } from '../../core/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import type { MonitorDeps } from './alert.ts';
import { createAlertMailer } from './channels/smtp.ts';

/** The alert verbs' dependencies from configuration (the mailer uses the notifications SMTP server). */
export function createMonitorDeps(store: RelationalStore, clock: Clock, config: Pick<Config, 'monitor' | 'notifications'>): MonitorDeps {
  const mailer = createAlertMailer(config.notifications, config.monitor.emailFrom);
  return { store, clock, config: config.monitor, ...(mailer ? { mailer } : {}) };
}
