export {
  categories,
  Category,
  severities,
  Severity,
  priorities,
  Priority,
  languages,
  ticketStatuses,
  TicketStatus,
  Tier,
  TriageInput,
  type Language,
  type Reason,
  type KbSuggestion,
  type TriageEntities,
  type TriageResult,
} from './ticket.ts';
export { TicketNotFoundError, InputFileNotFoundError, TicketInputInvalidError, ImportFormatError, CorpusInvalidError, TriageModelInvalidError, RetrainRegressionError } from './errors.ts';
export { createTriager, triageText, seedPhrasePlaybook, type Triager, type TriagerDeps, type EntityExtractor, type ExtractedEntities, type KbSearch } from './triage/triage.ts';
export { openTriager, kbSearchFrom, type OpenTriagerOptions } from './triage/open.ts';
export { openReloadingTriager, type ReloadingTriager } from './triage/reload-triager.ts';
export { startNightlyRetrain } from './triage/schedule-retrain.ts';
export { loadTriageModel, shippedTriageDir, triageDirOf, corpusDirOf } from './triage/load.ts';
export { TriageModel, trainTriageModel, scoreModel, readTriageModel, writeTriageModel, prepare, type TrainingExample, type ModelScore } from './triage/model.ts';
export { loadCorpus, type LabelledExample } from './triage/corpus.ts';
export { retrainTriage, listCorrectionExamples, type RetrainReport, type RetrainOptions } from './triage/retrain.ts';
export { acknowledgement } from './triage/signals.ts';
export { parseTriageInput, orderResult, triageJsonLine, type BatchCounts } from './triage/batch.ts';
export { triageJsonLines, type TriageLinesOptions } from './triage/batch-pool.ts';
export { CreateTicketBody, fromApiBody, type IntakeMessage, type IntakeMessagePart, type Attachment } from './intake/message.ts';
export { ChatWebhookBody, fromChatWebhook } from './intake/chat.ts';
export { fromRawEmail, fromEmailWebhook } from './intake/email.ts';
export { parseJsonText, checkText, decodeUtf8, limits as intakeLimits } from './intake/validate.ts';
export { ingestTicket, type IngestResult, type IngestDeps } from './intake/ingest.ts';
export { importTickets, importFormats, type ImportFormat, type ImportReport } from './intake/import-tickets.ts';
export { parseZendeskExport, parseFreshdeskExport, parseCsvExport, parseCsvMap, csvFields, type ImportItem } from './intake/import-formats.ts';
export { getTicket, type Ticket, type TicketSummary, type ReadContext } from './get-ticket.ts';
export { listTickets, type ListTicketsFilter } from './list-tickets.ts';
export { correctTriage, type TriageCorrection } from './correct-triage.ts';
export { readTextInput } from './read-input.ts';
export { createTicketService, type TicketService, type TicketServiceDeps } from './service.ts';
export { assignCluster, type AssignClusterOptions } from './clusters/assign-cluster.ts';
export { recomputeClusters } from './clusters/recompute-clusters.ts';
export { mergeClusters } from './clusters/merge-clusters.ts';
export { splitCluster } from './clusters/split-cluster.ts';
export { getCluster } from './clusters/get-cluster.ts';
export { listClusters, type ListClustersFilter } from './clusters/list-clusters.ts';
export { detectClusterSpike } from './clusters/detect-spike.ts';
export { listClusterSpikes, type ListClusterSpikesFilter } from './clusters/list-spikes.ts';
export { defaultClusterOptions, clusterStatuses, type Cluster, type ClusterSummary, type ClusterMember, type ClusterSpike, type ClusterAssignment, type ClusterOptions, type ClusterReason, type ClusterStatus } from './clusters/cluster.ts';
export { ClusterNotFoundError, ClusterChangeInvalidError, ClusterClosedError } from './clusters/errors.ts';
export { BusinessCalendar, BusinessPeriod, alwaysOpen, addBusinessTime, businessTimeBetween, isOpenAt, type Interval } from './sla/calendar.ts';
export { SlaPolicy, SlaAction, SlaSettings, parseSlaSettings, defaultSlaSettings, policyFor, slaMetrics, type SlaMetric } from './sla/policy.ts';
export { evaluateSla, slaStates, type SlaState, type SlaTimeline, type TicketSla, type SlaMetricResult } from './sla/evaluate-sla.ts';
export { getTicketSla } from './sla/ticket-sla.ts';
export { loadSlaSettings, builtInSla, type ConfiguredSla } from './sla/load-sla-settings.ts';
export { slaReport, type SlaReport, type SlaReportLine } from './sla/sla-report.ts';
export { runSlaActions, type SlaActionsReport, type SlaNotification } from './sla/run-sla-actions.ts';
export { runSlaTick, startSlaBackground, slaNotificationText, type SlaTickDeps } from './sla/run-sla-tick.ts';
export { refreshTicketSla, refreshStaleSla, storedSlaOf, slaStateAt, type StoredSla } from './sla/refresh-sla.ts';
export { SlaSettingsInvalidError, SlaSettingsFileInvalidError } from './sla/errors.ts';
export { listQueue, type QueueFilter, type QueueItem, type QueuePage } from './queue/list-queue.ts';
export { assignTicket, assignRoundRobin, type Assignment } from './queue/assign-ticket.ts';
export { setAgentSkills } from './queue/set-agent-skills.ts';
export { listAgentSkills } from './queue/list-agent-skills.ts';
export { listQueueViews, type QueueView } from './queue/list-queue-views.ts';
export { saveQueueView, maxQueueViews } from './queue/save-queue-view.ts';
export { deleteQueueView } from './queue/delete-queue-view.ts';
export { AgentNotFoundError, NoAgentAvailableError, QueueCursorInvalidError } from './queue/errors.ts';
export { replyToTicket, explorerHosts, type ReplyOptions, type SentReply } from './replies/reply-to-ticket.ts';
export { replyWithMacro, type MacroReplyInput } from './replies/reply-with-macro.ts';
export { replyToCluster, type ClusterReplyInput, type ClusterReplyResult } from './replies/reply-to-cluster.ts';
export { renderMacro, getMacro, replyVariables, type ReplyDiagnosis, type ReplyTicketFacts } from './replies/render-macro.ts';
export { macros, replyLangs, type Macro, type ReplyLang } from './replies/macros.ts';
export { assertSafeReply, unsafeReplyReasons } from './replies/guard.ts';
export { ReplyUnsafeError, MacroNotFoundError, MacroVariableMissingError, ReplyBodyMissingError } from './replies/errors.ts';
