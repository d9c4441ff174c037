import type { Clock, Config, Logger } from '../core/index.ts';
import { scrubText } from '../redaction/index.ts';
import type { RelationalStore } from '../storage/index.ts';
import { addComponent, type AddComponentInput } from './add-component.ts';
import { addNote } from './add-note.ts';
import { addWebhookSubscriber, listSubscribers, type AddWebhookInput } from './add-webhook.ts';
import { assignRole } from './assign-role.ts';
import { changeSeverity } from './change-severity.ts';
import { declareIncident, type DeclareIncidentInput } from './declare.ts';
import { declareFromAlert, declareFromStoredAlert, type AlertLike } from './declare-from-alert.ts';
import type { Actor, IncidentsDeps, Mailer, TicketReplier } from './deps.ts';
import { editIncident, type EditIncidentInput } from './edit-incident.ts';
import { historyAtom, historyRss } from './feeds.ts';
import { getIncident, listTimeline } from './get-incident.ts';
import type { Lang } from './incident.ts';
import { linkItems, listLinks, type LinkItemsInput } from './link-items.ts';
import { listComponents, getComponent } from './list-components.ts';
import { listIncidents, type ListIncidentsFilter } from './list-incidents.ts';
import { listProviderLog, logProviderMessage, type ProviderMessageInput } from './log-provider.ts';
import { createSmtpMailer } from './mailer.ts';
import { runMaintenanceNotices } from './maintenance-jobs.ts';
import { mirrorProviderSummary } from './mirror-provider.ts';
import { postIncidentUpdate, type PostUpdateInput } from './post-update.ts';
import { draftPostmortem, impactNumbers, savePostmortem } from './postmortem.ts';
import { findPublicIncident, loadComponents, loadPublicIncidents } from './public-data.ts';
import { resolveIncident, type ResolveInput } from './resolve.ts';
import { scheduleMaintenance, type ScheduleMaintenanceInput } from './schedule-maintenance.ts';
import { setComponentStatus } from './set-component-status.ts';
import { statuspageDocument, type SpDocument } from './statuspage.ts';
import { confirmSubscription, subscribeEmail, type SubscribeEmailInput } from './subscribe.ts';
import { unsubscribe } from './unsubscribe.ts';
import { componentUptime } from './uptime.ts';

export interface IncidentsServiceOptions {
  store: RelationalStore;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'statusPage' | 'notifications' | 'server'>;
  /** Overrides the SMTP mailer built from `config.notifications`. */
  mailer?: Mailer;
  redact?: (text: string) => string;
  replyToTicket?: TicketReplier;
  fetch?: typeof fetch;
}

/** Builds the incidents service: every verb of the module bound to its dependencies. */
export function createIncidentsService(options: IncidentsServiceOptions) {
  const publicUrl = (options.config.server.publicUrl ?? `http://localhost:${options.config.server.port}`).replace(/\/+$/, '');
  const deps: IncidentsDeps = {
    store: options.store,
    clock: options.clock,
    logger: options.logger,
    statusPage: options.config.statusPage,
    publicUrl,
    mailer: options.mailer ?? createSmtpMailer(options.config.notifications),
    redact: options.redact ?? scrubText,
    replyToTicket: options.replyToTicket,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  return {
    deps,
    declare: (input: DeclareIncidentInput, actor: Actor) => declareIncident(deps, input, actor),
    declareFromAlert: (alert: AlertLike, actor: Actor, overrides?: Parameters<typeof declareFromAlert>[3]) => declareFromAlert(deps, alert, actor, overrides),
    declareFromStoredAlert: (alertId: string, actor: Actor, overrides?: Parameters<typeof declareFromAlert>[3]) => declareFromStoredAlert(deps, alertId, actor, overrides),
    get: (id: string) => getIncident(deps, id),
    list: (filter?: ListIncidentsFilter) => listIncidents(deps, filter),
    timeline: (id: string) => listTimeline(deps, id),
    links: (id: string) => listLinks(deps, id),
    edit: (id: string, input: EditIncidentInput, actor: Actor) => editIncident(deps, id, input, actor),
    changeSeverity: (id: string, severity: string, actor: Actor) => changeSeverity(deps, id, severity, actor),
    assignRole: (id: string, role: string, assignee: string | null, actor: Actor) => assignRole(deps, id, role, assignee, actor),
    link: (id: string, links: LinkItemsInput, actor: Actor) => linkItems(deps, id, links, actor),
    addNote: (id: string, text: string, actor: Actor) => addNote(deps, id, text, actor),
    logProvider: (id: string, input: ProviderMessageInput, actor: Actor) => logProviderMessage(deps, id, input, actor),
    providerLog: (id: string) => listProviderLog(deps, id),
    postUpdate: (id: string, input: PostUpdateInput, actor: Actor) => postIncidentUpdate(deps, id, input, actor),
    resolve: (id: string, input: ResolveInput, actor: Actor) => resolveIncident(deps, id, input, actor),
    scheduleMaintenance: (input: ScheduleMaintenanceInput, actor: Actor) => scheduleMaintenance(deps, input, actor),
    draftPostmortem: (id: string) => draftPostmortem(deps, id),
    savePostmortem: (id: string, markdown: string, actor: Actor) => savePostmortem(deps, id, markdown, actor),
    impact: async (id: string) => impactNumbers(deps, await getIncident(deps, id)),
    addComponent: (input: AddComponentInput) => addComponent(deps, input),
    listComponents: () => listComponents(deps),
    getComponent: (id: string) => getComponent(deps, id),
    setComponentStatus: (id: string, status: string, actor: Actor) => setComponentStatus(deps, id, status, actor),
    mirrorProviderSummary: (provider: string, payload: unknown) => mirrorProviderSummary(deps, provider, payload),
    uptime: (componentIds: readonly string[], days?: number) => componentUptime(deps, componentIds, days),
    subscribeEmail: (input: SubscribeEmailInput) => subscribeEmail(deps, input),
    confirmSubscription: (token: string) => confirmSubscription(deps, token),
    unsubscribe: (subscriberId: string, token: string) => unsubscribe(deps, subscriberId, token),
    addWebhookSubscriber: (input: AddWebhookInput) => addWebhookSubscriber(deps, input),
    listSubscribers: (opts?: { activeOnly?: boolean; limit?: number }) => listSubscribers(deps, opts),
    statuspage: (doc: SpDocument, lang: Lang) => statuspageDocument({ deps, lang }, doc),
    publicIncidents: (filter: Parameters<typeof loadPublicIncidents>[1]) => loadPublicIncidents(deps, filter),
    publicIncident: (id: string) => findPublicIncident(deps, id),
    publicComponents: () => loadComponents(deps),
    historyRss: (lang: Lang) => historyRss(deps, lang),
    historyAtom: (lang: Lang) => historyAtom(deps, lang),
    runMaintenanceNotices: (workerId: string) => runMaintenanceNotices(deps, workerId),
    /** Runs the due background work (maintenance notices) every `everyMs` until the returned stop is called. */
    startBackground: (workerId: string, everyMs = 30_000) => {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        runMaintenanceNotices(deps, workerId)
          .catch((err: unknown) => deps.logger.error({ err }, 'incidents background work failed'))
          .finally(() => {
            running = false;
          });
      }, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    close: () => deps.mailer?.close?.(),
  };
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;
