import { coreMigration } from './2026112700-core.ts';
import { authMigration } from './2026112701-auth.ts';
import { incidentsMigration } from './2026112708-incidents.ts';
import { ticketsMigration } from './2026112706-tickets.ts';
import { kbMigration } from './2026112705-kb.ts';
import { monitorMigration } from './2026112704-monitor.ts';
import { paymentsMigration } from './2026112707-payments.ts';
import { communityMigration } from './2026112709-community.ts';
import { monitorSchedulesMigration } from './2026112710-monitor-schedules.ts';
import { ticketWorkflowMigration } from './2026112711-ticket-workflow.ts';
import { escalationsMigration } from './2026112712-escalations.ts';
import { i18nMigration } from './2026112713-i18n.ts';
import { messageLanguagesMigration } from './2026112714-message-languages.ts';
import { ticketSlaFieldsMigration } from './2026112715-ticket-sla-fields.ts';
import { queueViewsMigration } from './2026112716-queue-views.ts';
import { triageModelsMigration } from './2026112718-triage-models.ts';
import type { Migration } from './migration.ts';

/** Every migration, in the order it runs. Add new ones at the end. */
export const migrations: readonly Migration[] = [coreMigration, authMigration, incidentsMigration, ticketsMigration, kbMigration, monitorMigration, paymentsMigration, communityMigration, monitorSchedulesMigration, ticketWorkflowMigration, escalationsMigration, i18nMigration, messageLanguagesMigration, ticketSlaFieldsMigration, queueViewsMigration, triageModelsMigration];

export type { Migration } from './migration.ts';
