export { parseSeriesCsv, parseTimestamp, type SeriesPoint } from './series.ts';
export { type DetectorStep, type StreamingDetector } from './detectors/detector.ts';
export { CombinedDetector, defaultCombinedOptions, type CombinedOptions } from './detectors/combined.ts';
export { LiveMonitor, FiringRule, defaultLivePolicy, type LivePolicy, type LiveStep } from './detectors/live.ts';
export { detectSeries, type DetectOptions, type DetectResult, type DetectedAlert } from './detect.ts';
export { explainStep, formatValue, type ExplainOptions } from './detectors/explain.ts';
export { RobustDetector, robustScale, defaultRobustOptions, type RobustOptions } from './detectors/robust.ts';
export { EwmaDetector, defaultEwmaOptions, type EwmaOptions } from './detectors/ewma.ts';
export { SeasonalDetector, defaultSeasonalOptions, type SeasonalOptions, type SeasonalProfile } from './detectors/seasonal.ts';
export { ChangePointDetector, defaultChangePointOptions, type ChangePointOptions } from './detectors/change-point.ts';
export { VolatilityDetector, defaultVolatilityOptions, type VolatilityOptions } from './detectors/volatility.ts';
export { RollingWindow, Ewma } from './detectors/rolling.ts';
export { SeriesCsvInvalidError, SeriesFileNotFoundError, SloInvalidError, AlertNotFoundError, SilenceNotFoundError, ChannelNotFoundError, ChannelDeliveryError, AlertStateError, AlertRaceError, MonitorNotFoundError, MonitorNameTakenError, MonitorRunTimeoutError, MonitorTargetError } from './errors.ts';
export { Slo, BurnRule, defaultBurnRules, type SloInput, type CountPoint } from './slo/slo.ts';
export { CountIndex, burnRate, parseSlo, evaluateBurnRules, replayBurnAlerts, describeBurn, type WindowBurn, type RuleState, type BurnAlert } from './slo/burn-rate.ts';
export { errorBudgetReport, type ErrorBudgetReport } from './slo/budget.ts';
export { sloCountsFromTelemetry, latencyCountsFromTelemetry, type TelemetryLatencyCounts } from './slo/from-telemetry.ts';
export {
  AlertSeverity,
  alertSeverities,
  alertStatuses,
  RaiseAlertInput,
  SilenceInput,
  ChannelInput,
  type AlertRecord,
  type AlertStatus,
  type AlertEvent,
  type Silence,
  type Channel,
  type MonitorDeps,
  type AlertMailer,
  type AlertMail,
  type IncidentHooks,
  type IncidentHookResult,
} from './alerts/alert.ts';
export { IncidentChannelOptions } from './alerts/channels/incident.ts';
export { raiseAlert, type RaiseResult } from './alerts/raise.ts';
export { acknowledgeAlert } from './alerts/acknowledge.ts';
export { resolveAlert, clearAlert } from './alerts/resolve.ts';
export { getAlert, findAlert, listAlertEvents } from './alerts/get-alert.ts';
export { listAlerts, ListAlertsQuery, type AlertPage } from './alerts/list-alerts.ts';
export { createSilence, listSilences, expireSilence } from './alerts/silences.ts';
export { addChannel, listChannels, removeChannel } from './alerts/channels.ts';
export { notifyAlert, type Delivery } from './alerts/notify.ts';
export { sendNotice, type Notice } from './alerts/send-notice.ts';
export { createAlertMailer } from './alerts/channels/smtp.ts';
export { createMonitorDeps } from './alerts/deps.ts';
export { probeRpcEndpoints, judgeRpcRound, RpcProbeHistory, defaultRpcThresholds, probeableFamilies, type RpcEndpoint, type RpcProbeResult, type RpcThresholds, type RpcVerdict } from './probes/rpc.ts';
export { runHttpCheck, httpCheckAlert, HttpCheck, type HttpCheckResult } from './probes/http-check.ts';
export { fetchStatuspage, diffStatuspage, statuspageAlerts, type ProviderSnapshot, type ProviderComponent, type ComponentChange } from './probes/statuspage.ts';
export { applyProbeVerdicts, pollProviderStatus } from './probes/run.ts';
export {
  MonitorDefinitionInput,
  SeriesMonitorSpec,
  SloMonitorSpec,
  RpcMonitorSpec,
  HttpMonitorSpec,
  StatuspageMonitorSpec,
  monitorKinds,
  type MonitorDefinition,
  type MonitorKind,
  type MonitorSpec,
} from './schedules/definition.ts';
export { addMonitor } from './schedules/add-monitor.ts';
export { listMonitors, getMonitor } from './schedules/list-monitors.ts';
export { removeMonitor } from './schedules/remove-monitor.ts';
export { MonitorScheduler, monitorJobId, monitorJobKind, type SchedulerOptions, type TickReport, type RunReport } from './scheduler/scheduler.ts';
export { runMonitor } from './scheduler/run-monitor.ts';
export { probeMetrics } from './scheduler/record.ts';
export type { SchedulerDeps, ChainEndpoints } from './scheduler/deps.ts';
export type { RunOutcome } from './scheduler/outcome.ts';
