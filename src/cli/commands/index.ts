import type { Command } from 'commander';
import { registerEscalationCreate } from './escalation-create.ts';
import { registerEscalationExport } from './escalation-export.ts';
import { registerEscalationShow } from './escalation-show.ts';
import { registerEscalationSync } from './escalation-sync.ts';
import { registerPaymentExplain } from './payment-explain.ts';
import { registerQueue } from './queue.ts';
import { registerClusterList } from './cluster-list.ts';
import { registerClusterMerge } from './cluster-merge.ts';
import { registerClusterSplit } from './cluster-split.ts';
import { registerClusterRecompute } from './cluster-recompute.ts';
import { registerClusterSpikes } from './cluster-spikes.ts';
import { registerReplySend } from './reply-send.ts';
import { registerTicketImport } from './ticket-import.ts';
import { registerTriage } from './triage.ts';
import { registerTriageRetrain } from './triage-retrain.ts';
import { registerAddressInspect } from './address-inspect.ts';
import { registerIncidentDeclare } from './incident-declare.ts';
import { registerIncidentList } from './incident-list.ts';
import { registerIncidentPostmortem } from './incident-postmortem.ts';
import { registerIncidentResolve } from './incident-resolve.ts';
import { registerIncidentUpdate } from './incident-update.ts';
import { registerKbAudit } from './kb-audit.ts';
import { registerKbExport } from './kb-export.ts';
import { registerKbSearch } from './kb-search.ts';
import { registerKbSync } from './kb-sync.ts';
import { registerMcp } from './mcp.ts';
import { registerMonitorAdd } from './monitor-add.ts';
import { registerMonitorAck } from './monitor-ack.ts';
import { registerMonitorList } from './monitor-list.ts';
import { registerMonitorRemove } from './monitor-remove.ts';
import { registerMonitorAlerts } from './monitor-alerts.ts';
import { registerMonitorDetect } from './monitor-detect.ts';
import { registerMonitorProbe } from './monitor-probe.ts';
import { registerMonitorResolve } from './monitor-resolve.ts';
import { registerMonitorSilence } from './monitor-silence.ts';
import { registerMonitorSlo } from './monitor-slo.ts';
import { registerRedact } from './redact.ts';
import { registerServe } from './serve.ts';
import { registerStatusComponentAdd } from './status-component-add.ts';
import { registerStatusComponentList } from './status-component-list.ts';
import { registerTelemetryIngest } from './telemetry-ingest.ts';
import { registerTelemetryQuery } from './telemetry-query.ts';
import { registerTokenCreate } from './token-create.ts';
import { registerTokenList } from './token-list.ts';
import { registerTokenRevoke } from './token-revoke.ts';
import { registerTxDiagnose } from './tx-diagnose.ts';
import { registerUserCreate } from './user-create.ts';
import { registerUserDisable } from './user-disable.ts';
import { registerUserList } from './user-list.ts';
import { registerCommunityAdd } from './community-add.ts';
import { registerCommunityImport } from './community-import.ts';
import { registerCommunityPoll } from './community-poll.ts';
import { registerCommunityReport } from './community-report.ts';
import { registerCommunityScams } from './community-scams.ts';
import { registerCommunitySignals } from './community-signals.ts';
import { registerCommunitySources } from './community-sources.ts';
import { registerDemoReset } from './demo-reset.ts';

/** Every command, one file each. Add a line here when adding a command file. */
export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [
  registerServe,
  registerUserCreate,
  registerUserList,
  registerUserDisable,
  registerTokenCreate,
  registerTokenRevoke,
  registerTokenList,
  registerMonitorDetect,
  registerMonitorAlerts,
  registerMonitorAck,
  registerMonitorResolve,
  registerMonitorSilence,
  registerMonitorSlo,
  registerMonitorProbe,
  registerMonitorAdd,
  registerMonitorList,
  registerMonitorRemove,
  registerTelemetryIngest,
  registerTelemetryQuery,
  registerTxDiagnose,
  registerAddressInspect,
  registerIncidentDeclare,
  registerIncidentUpdate,
  registerIncidentResolve,
  registerIncidentList,
  registerIncidentPostmortem,
  registerStatusComponentAdd,
  registerStatusComponentList,
  registerKbSearch,
  registerKbAudit,
  registerKbExport,
  registerKbSync,
  registerMcp,
  registerRedact,
  registerTriage,
  registerTriageRetrain,
  registerTicketImport,
  registerPaymentExplain,
  registerQueue,
  registerClusterList,
  registerClusterMerge,
  registerClusterSplit,
  registerClusterRecompute,
  registerClusterSpikes,
  registerReplySend,
  registerCommunityAdd,
  registerCommunityPoll,
  registerCommunityImport,
  registerCommunitySignals,
  registerCommunityScams,
  registerCommunityReport,
  registerCommunitySources,
  registerEscalationCreate,
  registerEscalationShow,
  registerEscalationExport,
  registerEscalationSync,
  registerDemoReset,
];
