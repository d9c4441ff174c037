import type { EnvCount, Escalation, EscalationReport } from './report.ts';
import { scopes } from './report.ts';

/** Inline text: plain, code, or a link. */
export type Inline = string | { code: string } | { text: string; href: string };

/** A tracker-neutral document: rendered to Markdown (GitHub, Linear, humans) and to ADF (Jira). */
export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'code'; language: string; text: string }
  | { kind: 'table'; header: string[]; rows: Inline[][] };

const p = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
const h = (text: string, level: 2 | 3 = 2): Block => ({ kind: 'heading', level, text });

function envTable(env: EscalationReport['environment']): Block {
  const dims: Array<[string, EnvCount[]]> = [
    ['App version', env.appVersions],
    ['Platform', env.platforms],
    ['OS', env.os],
    ['Chain', env.chains],
    ['Token', env.tokens],
    ['RPC provider', env.rpcProviders],
  ];
  const rows: Inline[][] = [];
  for (const [name, counts] of dims) {
    if (!counts.length) rows.push([name, '—', '', '']);
    for (const c of counts) rows.push([name, { code: c.value }, String(c.tickets), String(c.events)]);
  }
  return { kind: 'table', header: ['Dimension', 'Value', 'Tickets', 'Telemetry events'], rows };
}

function gridTable(severity: string, scope: string): Block {
  const sev = ['critical', 'high', 'medium', 'low'];
  return {
    kind: 'table',
    header: ['Severity \\ Scope', ...scopes],
    rows: sev.map((s) => [s, ...scopes.map((sc) => (s === severity && sc === scope ? '■ this issue' : ''))]),
  };
}

/** The report as blocks, in the order an engineer reads it. */
export function reportBlocks(r: EscalationReport, extra: { escalation?: Pick<Escalation, 'id' | 'issues'> } = {}): Block[] {
  const i = r.impact;
  const blocks: Block[] = [
    p(`Priority ${i.priority} · severity ${i.severity} · ${i.scope} · ${i.tickets} ticket${i.tickets === 1 ? '' : 's'} · first seen ${r.firstSeen} · last seen ${r.lastSeen}`),
    h('Summary'),
    p(r.summary),
    h('Expected behaviour'),
    p(r.expected),
    h('Actual behaviour'),
    p(r.actual),
    h('Steps to reproduce'),
    { kind: 'list', ordered: true, items: r.reproduction.map((s) => [s]) },
    h('Environment'),
    envTable(r.environment),
    h('Impact'),
    {
      kind: 'list',
      ordered: false,
      items: [
        [`Tickets: ${i.tickets}; users affected: ${i.usersAffected} (${i.usersFromTickets} from tickets, ${i.usersFromTelemetry} distinct in telemetry)`],
        [`Trend: ${i.trend.ticketsPerDay} tickets/day, ${i.trend.note}`],
        [i.sla ? `SLA exposure: ${i.sla.breaches} breach(es) on ${i.sla.ticketsBreached} ticket(s), ${i.sla.warnings} warning(s)` : 'SLA exposure: no SLA warnings or breaches recorded on these tickets'],
        [`Suggested engineering priority: ${i.priority}, because ${i.reasons.join('; ')}`],
      ],
    },
  ];
  if (i.funds.length) {
    blocks.push(h('Funds stuck, at risk or blocked', 3), { kind: 'table', header: ['Kind', 'Chain', 'Token', 'Amount', 'Base units', 'Transactions'], rows: i.funds.map((f) => [f.kind.replace('_', ' '), f.chain, f.token ? `${f.symbol} (${f.token})` : f.symbol, f.display ?? '—', { code: f.amount }, String(f.transactions)]) });
  } else blocks.push(p('Funds: no stuck, at-risk or blocked amounts in the diagnosed transactions.'));
  blocks.push(h('Severity × scope', 3), gridTable(i.severity, i.scope));
  if (i.trend.perDay.length > 1) blocks.push(h('Tickets per day', 3), { kind: 'table', header: ['Day (UTC)', 'Tickets'], rows: i.trend.perDay.map((d) => [d.day, String(d.tickets)]) });

  blocks.push(h('Evidence'), h('On-chain findings', 3));
  if (r.evidence.findings.length) {
    const shown = r.evidence.findings.filter((f) => f.severity !== 'info' || !r.evidence.findings.some((g) => g.hash === f.hash && g.severity !== 'info'));
    blocks.push({ kind: 'table', header: ['Transaction', 'Chain', 'Status', 'Finding', 'Severity', 'Summary'], rows: shown.map((f) => [f.explorerUrl ? { text: short(f.hash), href: f.explorerUrl } : { code: short(f.hash) }, f.chain, f.status, { code: f.code }, f.severity, f.summary]) });
    // One evidence object per transaction: a transaction's findings share most facts.
    const perTx = new Map<string, { hash: string; explorer: string | null; findings: string[]; evidence: unknown }>();
    for (const f of shown) {
      const row = perTx.get(f.hash) ?? { hash: f.hash, explorer: f.explorerUrl, findings: [], evidence: compact(f.evidence) };
      row.findings.push(f.code);
      perTx.set(f.hash, row);
    }
    blocks.push({ kind: 'code', language: 'json', text: JSON.stringify([...perTx.values()], null, 2) });
  } else blocks.push(p('No transaction hash in the tickets, or none could be diagnosed.'));
  for (const e of r.evidence.diagnosisErrors) blocks.push(p('Diagnosis failed for ', { code: e.hash }, `: ${e.error}`));
  blocks.push(h('Error messages', 3));
  blocks.push(r.evidence.errorMessages.length ? { kind: 'table', header: ['Message', 'Source', 'Count'], rows: r.evidence.errorMessages.map((m) => [{ code: m.message }, m.source, String(m.count)]) } : p('No error messages recorded.'));
  const t = r.evidence.telemetry;
  blocks.push(h('Telemetry', 3));
  if (t.events.length) {
    blocks.push(p(`${t.events.length} of ${t.totalEvents} correlated events (${t.errors} errors), errors first:`));
    blocks.push({ kind: 'table', header: ['Time (UTC)', 'Service', 'Event', 'Status', 'Chain', 'App', 'RPC', 'User', 'Trace', 'Details'], rows: t.events.map((e) => [e.ts.replace('T', ' ').replace('Z', ''), e.service ?? '', e.name ?? e.route ?? '', e.statusCode !== null ? String(e.statusCode) : (e.severity ?? ''), e.chain ?? '', [e.appVersion, e.platform].filter(Boolean).join(' '), e.rpcProvider ?? '', e.userId ?? '', e.traceId ? { code: e.traceId.slice(0, 16) } : '', [e.body, ...Object.entries(e.attrs).map(([k, v]) => `${k}=${v}`)].filter(Boolean).join('; ')]) });
    if (t.traces.length) blocks.push({ kind: 'list', ordered: false, items: t.traces.map((tr) => [`Trace `, { code: tr.traceId }, `: ${tr.events} events, ${tr.errors} error(s) — `, { code: `GET ${tr.href}` }]) });
  } else blocks.push(p('No telemetry events matched the tickets\' transactions and addresses.'));
  if (t.query) blocks.push(p('Full set: ', { code: `GET ${t.query.http}` }, ' or ', { code: t.query.cli }));
  if (r.evidence.notes.length) blocks.push(h('Incident notes', 3), { kind: 'list', ordered: false, items: r.evidence.notes.map((n) => [`${n.at}: ${n.text}`]) });

  blocks.push(h('Support'), p('Workaround given to users: ', r.workaround ?? 'none yet.'));
  if (r.kbArticles.length) blocks.push(p('KB article used: ', ...r.kbArticles.flatMap((a, n): Inline[] => [...(n ? [', '] : []), `${a.title} (`, { code: a.slug }, ')'])));
  blocks.push(h('Tickets', 3), { kind: 'table', header: ['Ticket', 'Created (UTC)', 'Status', 'Category', 'Severity', 'Subject'], rows: r.tickets.map((x) => [{ code: x.id }, x.createdAt, x.status, x.category, x.severity, x.subject]) });
  const issues = extra.escalation?.issues ?? [];
  blocks.push(p(`Escalation ${extra.escalation?.id ?? '(unsaved)'} from ${r.source.type} ${r.source.id}, generated ${r.generatedAt} by OpsDesk. Secrets and card numbers are redacted.`));
  for (const x of issues) blocks.push(p(`Tracked in ${x.tracker}: `, { text: x.key, href: x.url }, ` (${x.state})`));
  return blocks;
}

function short(hash: string): string {
  return hash.length > 20 ? `${hash.slice(0, 10)}…${hash.slice(-8)}` : hash;
}

/** Evidence without bulky raw data (long hex blobs are cut to their first bytes and length). */
function compact(value: unknown): unknown {
  if (typeof value === 'string') return /^0x[0-9a-fA-F]{140,}$/.test(value) ? `${value.slice(0, 10)}…(${(value.length - 2) / 2} bytes)` : value;
  if (Array.isArray(value)) return value.map(compact);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, compact(v)]));
  return value;
}
