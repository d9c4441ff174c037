export { createIncidentsService, type IncidentsService, type IncidentsServiceOptions } from './service.ts';
export type { IncidentsDeps, Actor, Mailer, MailMessage, TicketReplier } from './deps.ts';
export { systemActor } from './deps.ts';
export {
  Severity,
  severities,
  IncidentStatus,
  incidentStatuses,
  MaintenanceStatus,
  maintenanceStatuses,
  Impact,
  IncidentRole,
  incidentRoles,
  LinkKind,
  linkKinds,
  SourceType,
  Feature,
  features,
  AffectedCell,
  Lang,
  langs,
  ComponentStatus,
  componentStatuses,
  ProviderDirection,
  impactOfSeverity,
  type Incident,
  type IncidentLink,
  type IncidentUpdate,
  type AffectedComponent,
  type TimelineEntry,
  type ProviderLogEntry,
  type StatusComponent,
  type Subscriber,
  type Localized,
  type AnyStatus,
} from './incident.ts';
export { declareIncident, DeclareIncidentInput } from './declare.ts';
export { declareFromAlert, declareFromStoredAlert, AlertLike } from './declare-from-alert.ts';
export { alertIncidentHooks } from './alert-channel.ts';
export { editIncident, EditIncidentInput } from './edit-incident.ts';
export { changeSeverity } from './change-severity.ts';
export { assignRole } from './assign-role.ts';
export { linkItems, listLinks, LinkItemsInput } from './link-items.ts';
export { addNote } from './add-note.ts';
export { logProviderMessage, listProviderLog, ProviderMessageInput } from './log-provider.ts';
export { postIncidentUpdate, PostUpdateInput, type PostUpdateResult } from './post-update.ts';
export { resolveIncident, type ResolveInput } from './resolve.ts';
export { scheduleMaintenance, ScheduleMaintenanceInput } from './schedule-maintenance.ts';
export { queueMaintenanceNotices, runMaintenanceNotices } from './maintenance-jobs.ts';
export { getIncident, listTimeline, type IncidentDetail } from './get-incident.ts';
export { listIncidents, ListIncidentsFilter } from './list-incidents.ts';
export { draftPostmortem, savePostmortem, impactNumbers, type ImpactNumbers } from './postmortem.ts';
export { renderUpdate, describeAffected, formatTime } from './templates.ts';
export { assertSafeUpdateText } from './guard.ts';
export { addComponent, AddComponentInput } from './add-component.ts';
export { listComponents, getComponent } from './list-components.ts';
export { setComponentStatus } from './set-component-status.ts';
export { mirrorProviderSummary, type MirrorResult } from './mirror-provider.ts';
export { componentUptime, type ComponentUptime, type UptimeDay } from './uptime.ts';
export { subscribeEmail, confirmSubscription, SubscribeEmailInput } from './subscribe.ts';
export { unsubscribe, unsubscribeUrl } from './unsubscribe.ts';
export { addWebhookSubscriber, listSubscribers, AddWebhookInput } from './add-webhook.ts';
export { notifySubscribers, type NotifyResult } from './notify.ts';
export { webhookSignature } from './signing.ts';
export { createSmtpMailer } from './mailer.ts';
export { statuspageDocument, overallStatus, worstStatus, indicatorDescriptions, type SpDocument, type SpIncident, type SpComponent, type SpPage, type SpStatus, type SpIndicator } from './statuspage.ts';
export { loadPublicIncidents, findPublicIncident, type PublicIncident } from './public-data.ts';
export { historyRss, historyAtom } from './feeds.ts';
export { statusLabels } from './notify-texts.ts';
export {
  IncidentNotFoundError,
  IncidentResolvedError,
  IncidentTransitionError,
  IncidentChangedError,
  ComponentNotFoundError,
  UpdateImpersonationRiskError,
  SubscriptionTokenInvalidError,
  EmailNotConfiguredError,
  ProviderSummaryInvalidError,
  NotificationDeliveryError,
} from './errors.ts';
