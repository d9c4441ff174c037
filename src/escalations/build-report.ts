import { explorerUrl, type TxDiagnosis } from '../chains/index.ts';
import type { StoredEvent } from '../telemetry/index.ts';
import type { EscalationDeps } from './deps.ts';
import type { Sources } from './gather.ts';
import { fundsAtRisk, priorityOf, scopeOf, trendOf } from './impact.ts';
import { EnvCounter, maxIso, minIso, scrubDeep, trimText } from './internal.ts';
import type { EscalationReport, EvidenceEvent, EvidenceFinding } from './report.ts';

const expectedByCategory: Record<string, string> = {
  tx_stuck_pending: 'A transaction sent from the app with the suggested fee is mined within the expected time for its chain.',
  tx_failed: 'A transaction the app lets the user sign succeeds on chain, or the app warns before signing that it will fail.',
  funds_missing_or_not_shown: 'Confirmed incoming funds appear in the wallet balance and history.',
  wrong_network_or_address: 'The app prevents sending to an address or network that cannot receive the asset.',
  swap_or_bridge_failure: 'A swap or bridge quoted by the app completes on chain at the quoted rate within the shown slippage.',
  fees: 'The fee the app shows is the fee the user pays, and it is enough for the transaction to be mined.',
  dapp_connection: 'The dApp connects and its requests reach the wallet for approval.',
  app_bug_crash_ui: 'The app completes the flow without crashing or showing wrong information.',
  card_or_fiat_payment: 'A card or fiat payment is authorised, settled and reflected in the wallet as shown.',
  staking_or_rewards: 'Staking actions complete and rewards appear as the app describes.',
};

const attrKeys = /^(error|exception|rpc|http\.response|wallet\.|os\.|code|reason|message)/;

function evidenceEvent(e: StoredEvent): EvidenceEvent {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.attrs)) {
    if (Object.keys(attrs).length >= 8 || !attrKeys.test(k) || v === null || v === undefined) continue;
    attrs[k] = trimText(typeof v === 'string' ? v : JSON.stringify(v), 200);
  }
  return {
    ts: e.ts,
    service: e.service,
    name: e.name,
    severity: e.severity,
    route: e.route,
    statusCode: e.statusCode,
    chain: e.chain,
    appVersion: e.appVersion,
    platform: e.platform,
    rpcProvider: e.rpcProvider,
    userId: e.userId,
    txHash: e.txHash,
    traceId: e.traceId,
    body: e.body ? trimText(e.body, 300) : null,
    attrs,
  };
}

function errorMessageOf(e: StoredEvent): string | undefined {
  const a = e.attrs;
  const m = a['error.message'] ?? a['exception.message'] ?? a['error'] ?? e.body ?? e.name;
  return typeof m === 'string' && m ? trimText(m, 200) : undefined;
}

function osOf(e: StoredEvent): string | undefined {
  const a = e.attrs;
  const name = a['os.name'] ?? a['os.type'] ?? e.platform;
  const version = a['os.version'];
  return typeof version === 'string' && version ? `${typeof name === 'string' ? `${name} ` : ''}${version}` : undefined;
}

function findingsOf(deps: EscalationDeps, d: TxDiagnosis): EvidenceFinding[] {
  const chain = deps.chains.registry.find(d.chain);
  const link = d.explorerUrl ?? (chain ? explorerUrl(chain, 'tx', d.hash) : undefined) ?? null;
  return d.findings.map((f) => ({ hash: d.hash, chain: d.chain, status: d.status, explorerUrl: link, code: f.code, severity: f.severity, summary: f.summary, evidence: f.evidence }));
}

function params(q: Record<string, string>): string {
  return new URLSearchParams(q).toString();
}

/** Assembles the report from the gathered sources; every string is redacted before it leaves. */
export function buildReport(deps: EscalationDeps, s: Sources): EscalationReport {
  const tickets = s.tickets;
  const events = s.correlation?.events ?? [];
  const env = { appVersions: new EnvCounter(), platforms: new EnvCounter(), os: new EnvCounter(), chains: new EnvCounter(), tokens: new EnvCounter(), rpcProviders: new EnvCounter() };
  const diagnosedChain = new Map(s.diagnoses.map((d) => [d.hash, d.chain]));
  for (const t of tickets) {
    env.appVersions.add(t.entities.appVersion, 'tickets');
    env.platforms.add(t.entities.platform, 'tickets');
    const chains = new Set(t.entities.txHashes.map((h) => diagnosedChain.get(h.value)).filter((c): c is string => !!c && c !== 'unknown'));
    if (!chains.size) for (const c of t.chains) chains.add(c);
    for (const c of chains) env.chains.add(c, 'tickets');
    const tokens = new Set(t.entities.tokens);
    for (const d of s.diagnoses.filter((x) => t.entities.txHashes.some((h) => h.value === x.hash))) for (const f of d.findings) for (const v of [f.evidence, ...Object.values(f.evidence)]) if (v && typeof v === 'object' && typeof (v as { symbol?: unknown }).symbol === 'string') tokens.add((v as { symbol: string }).symbol);
    for (const tok of tokens) if (tok !== '?') env.tokens.add(tok, 'tickets');
  }
  for (const e of events) {
    env.appVersions.add(e.appVersion, 'events');
    env.platforms.add(e.platform, 'events');
    env.os.add(osOf(e), 'events');
    env.chains.add(e.chain, 'events');
    env.rpcProviders.add(e.rpcProvider, 'events');
    const token = e.attrs['wallet.token.symbol'] ?? e.attrs['token'];
    if (typeof token === 'string') env.tokens.add(token, 'events');
  }

  const findings = s.diagnoses.flatMap((d) => findingsOf(deps, d));
  const errorCounts = new Map<string, { message: string; source: 'telemetry' | 'on-chain'; count: number }>();
  const countError = (message: string, source: 'telemetry' | 'on-chain') => {
    const row = errorCounts.get(`${source}|${message}`) ?? { message, source, count: 0 };
    row.count++;
    errorCounts.set(`${source}|${message}`, row);
  };
  for (const e of events.filter((x) => x.isError)) {
    const m = errorMessageOf(e);
    if (m) countError(m, 'telemetry');
  }
  for (const d of s.diagnoses.filter((x) => x.status === 'failed' && x.findings[0])) countError(trimText(d.findings[0]!.summary, 200), 'on-chain');
  const errorMessages = [...errorCounts.values()].sort((a, b) => b.count - a.count || b.source.localeCompare(a.source) || a.message.localeCompare(b.message)).slice(0, 10);

  const requesters = new Set(tickets.map((t) => t.requester ?? t.id));
  const telemetryUsers = new Set(events.map((e) => e.userId).filter((u): u is string => !!u));
  const usersAffected = Math.max(requesters.size, telemetryUsers.size, s.incident?.incident.usersAffected ?? 0);
  const severity = tickets.map((t) => t.severity).sort((a, b) => ['critical', 'high', 'medium', 'low'].indexOf(a) - ['critical', 'high', 'medium', 'low'].indexOf(b))[0] ?? 'low';
  const funds = fundsAtRisk(s.diagnoses, deps.chains.registry);
  const now = deps.clock.now();
  const trend = trendOf(tickets.map((t) => t.createdAt), now);
  const sla = s.slaRows.length ? { warnings: s.slaRows.filter((r) => r.stage === 'warning').length, breaches: s.slaRows.filter((r) => r.stage === 'breach').length, ticketsBreached: new Set(s.slaRows.filter((r) => r.stage === 'breach').map((r) => r.ticket_id)).size } : null;
  const scope = scopeOf(usersAffected);
  const { priority, reasons } = priorityOf({ severity, scope, funds, securityFlags: tickets.some((t) => t.securityFlags.length > 0), growing: trend.growing, slaBreaches: sla?.breaches ?? 0 });

  const lead = findings.find((f) => f.severity === 'critical' || f.severity === 'high') ?? findings.find((f) => f.status === 'failed') ?? findings[0];
  const category = tickets[0]!.category;
  const chainList = env.chains.list().map((c) => c.value);
  const versions = env.appVersions.list().map((v) => v.value);
  const platforms = env.platforms.list().map((p) => p.value);
  const title = trimText(s.incident?.incident.title ?? s.cluster?.title ?? (lead ? `${lead.summary.replace(/\.$/, '')} (${chainList.join(', ') || 'unknown chain'})` : tickets[0]!.subject), 140);
  const firstSeen = minIso([...tickets.map((t) => t.createdAt), ...events.map((e) => e.ts)]);
  const lastSeen = maxIso([...tickets.map((t) => t.createdAt), ...events.map((e) => e.ts)]);
  const summary = [
    `${tickets.length} ticket${tickets.length === 1 ? '' : 's'} (${category.replace(/_/g, ' ')}) from ${usersAffected} user${usersAffected === 1 ? '' : 's'} between ${firstSeen.slice(0, 16).replace('T', ' ')} and ${lastSeen.slice(0, 16).replace('T', ' ')} UTC`,
    versions.length || platforms.length ? ` on ${[versions.length ? `app ${versions.join(', ')}` : '', platforms.join(', ')].filter(Boolean).join(' / ')}` : '',
    s.diagnoses.length ? `. ${s.diagnoses.length} transaction${s.diagnoses.length === 1 ? '' : 's'} diagnosed on chain: ${summarizeStatuses(s.diagnoses)}` : '',
    lead ? `; the leading finding is ${lead.code}: ${lead.summary.replace(/\.$/, '')}` : '',
    events.length ? `. Telemetry shows ${s.correlation!.errors} error event${s.correlation!.errors === 1 ? '' : 's'} from ${telemetryUsers.size} user${telemetryUsers.size === 1 ? '' : 's'}` : '',
    `. Suggested priority ${priority}.`,
  ].join('');

  const requesterText = tickets.map((t) => t.messages.find((m) => m.authorKind === 'requester')?.body ?? t.redactedText).find(Boolean) ?? '';
  const reproduction = [
    `Install app ${versions[0] ?? '(version unknown)'} on ${platforms[0] ?? '(platform unknown)'}${env.os.list()[0] ? ` (${env.os.list()[0]!.value})` : ''}.`,
    `As the user describes it: "${trimText(requesterText, 240)}"`,
    ...(lead ? [`Submit the same kind of transaction on ${lead.chain}${lead.evidence.tokenCall ? ` (${String((lead.evidence.tokenCall as { kind?: unknown }).kind)} of ${String((lead.evidence.tokenCall as { symbol?: unknown }).symbol)})` : ''}; reference transaction ${lead.hash}${lead.explorerUrl ? ` (${lead.explorerUrl})` : ''}.`, `Observe: ${lead.summary}`] : []),
    ...(events.length ? [`Compare with the client/backend events listed under Evidence (${errorMessages[0] ? `first error: "${errorMessages[0].message}"` : 'no error events'}).`] : []),
  ];
  const actualParts = [lead ? `${lead.summary}` : '', errorMessages[0] ? `Most frequent error: "${errorMessages[0].message}" (${errorMessages[0].count}×).` : ''].filter(Boolean);

  const agentReplies = tickets.flatMap((t) => t.messages.filter((m) => m.authorKind === 'agent')).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const workaround = s.incident?.incident.workaround ?? (agentReplies.length ? trimText(agentReplies[agentReplies.length - 1]!.body, 600) : null);
  const kbSeen = new Map<string, string>();
  for (const t of tickets) if (t.kb[0]) kbSeen.set(t.kb[0].slug, t.kb[0].title);

  const corr = s.correlation;
  const query = corr
    ? (() => {
        const hashes = [...new Set(s.diagnoses.map((d) => d.hash).concat(tickets.flatMap((t) => t.entities.txHashes.map((h) => h.value))))];
        const addresses = [...new Set(tickets.flatMap((t) => t.entities.addresses.map((a) => a.value)))];
        const q: Record<string, string> = { from: corr.from, to: corr.to, ...(hashes.length ? { txHash: hashes.join(',') } : {}), ...(addresses.length ? { address: addresses.join(',') } : {}) };
        const around = new Date((Date.parse(corr.from) + Date.parse(corr.to)) / 2).toISOString();
        const windowMin = String(Math.round((Date.parse(corr.to) - Date.parse(corr.from)) / 120_000));
        return {
          http: `/api/telemetry/correlate?${params({ around, windowMin, limit: '2000', ...(q.txHash ? { txHash: q.txHash } : {}), ...(q.address ? { address: q.address } : {}) })}`,
          cli: `opsdesk telemetry query correlate --around ${around} --windowMin ${windowMin}${q.txHash ? ` --txHash ${q.txHash}` : ''}${q.address ? ` --address ${q.address}` : ''} --limit 2000`,
        };
      })()
    : null;

  return scrubDeep({
    title,
    summary,
    source: { type: s.type, id: s.id },
    expected: expectedByCategory[category] ?? 'The app behaves as documented for this flow.',
    actual: actualParts.join(' ') || trimText(requesterText, 400),
    reproduction,
    environment: { appVersions: env.appVersions.list(), platforms: env.platforms.list(), os: env.os.list(), chains: env.chains.list(), tokens: env.tokens.list(), rpcProviders: env.rpcProviders.list() },
    firstSeen,
    lastSeen,
    tickets: tickets.map((t) => ({ id: t.id, subject: trimText(t.subject, 140), status: t.status, category: t.category, severity: t.severity, createdAt: t.createdAt })),
    evidence: {
      telemetry: { events: events.slice(0, 8).map(evidenceEvent), totalEvents: events.length, errors: corr?.errors ?? 0, traces: (corr?.traces ?? []).slice(0, 5), query },
      findings,
      diagnosisErrors: s.diagnosisErrors,
      errorMessages,
      notes: (s.incident?.timeline ?? []).filter((t) => t.kind === 'note').map((t) => ({ at: t.at, text: trimText(t.text, 500) })),
    },
    impact: { tickets: tickets.length, usersFromTickets: requesters.size, usersFromTelemetry: telemetryUsers.size, usersAffected, funds, severity, scope, trend, sla, priority, reasons },
    workaround,
    kbArticles: [...kbSeen].map(([slug, title]) => ({ slug, title })),
    generatedAt: now.toISOString(),
  });
}

function summarizeStatuses(ds: readonly TxDiagnosis[]): string {
  const counts = new Map<string, number>();
  for (const d of ds) counts.set(d.status, (counts.get(d.status) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}
