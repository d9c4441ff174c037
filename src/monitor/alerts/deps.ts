import type { Clock, Config } from '../../core/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import type { IncidentHooks, MonitorDeps } from './alert.ts';
import { createAlertMailer } from './channels/smtp.ts';

/** The alert verbs' dependencies from configuration (the mailer uses the notifications SMTP server; `incidents` wires incident channels). */
export function createMonitorDeps(store: RelationalStore, clock: Clock, config: Pick<Config, 'monitor' | 'notifications'>, incidents?: IncidentHooks): MonitorDeps {
  const mailer = createAlertMailer(config.notifications, config.monitor.emailFrom);
  return { store, clock, config: config.monitor, ...(mailer ? { mailer } : {}), ...(incidents ? { incidents } : {}) };
}
