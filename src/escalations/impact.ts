import type { ChainRegistry, TxDiagnosis } from '../chains/index.ts';
import { formatUnits } from './internal.ts';
import { scopes, type EngineeringPriority, type FundsRow, type Impact, type Scope } from './report.ts';

const baseUnitKeys = ['value', 'valueSat', 'amountSat', 'amountSun', 'lamports'] as const;
const severityRank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The principal amount an evidence object carries: base units, symbol, token and decimals when it says them. */
function amountOf(o: Record<string, unknown>): { amount: bigint; symbol: string; token: string | null; decimals: number | null } | undefined {
  if (typeof o.symbol !== 'string') return undefined;
  let raw: string | undefined;
  for (const k of baseUnitKeys) if (typeof o[k] === 'string' && /^\d+$/.test(o[k] as string)) raw = raw ?? (o[k] as string);
  // `amount` is in base units only where the evidence also gives decimals or a display amount.
  if (!raw && typeof o.amount === 'string' && /^\d+$/.test(o.amount) && (typeof o.decimals === 'number' || typeof o.display === 'string')) raw = o.amount;
  if (!raw) return undefined;
  const amount = BigInt(raw);
  let decimals = typeof o.decimals === 'number' ? o.decimals : null;
  // Evidence that gives a display amount but no decimals (a failed token call) still tells them.
  if (decimals === null && typeof o.display === 'string') for (let d = 0; d <= 36 && decimals === null; d++) if (formatUnits(amount, d) === o.display) decimals = d;
  return { amount, symbol: o.symbol, token: typeof o.token === 'string' ? o.token : null, decimals };
}

/** Funds stuck (pending, dropped), at risk (critical findings) or blocked (failed, not moved), summed per chain and token. */
export function fundsAtRisk(diagnoses: readonly TxDiagnosis[], registry: ChainRegistry): FundsRow[] {
  const rows = new Map<string, FundsRow & { sum: bigint }>();
  for (const d of diagnoses) {
    const kind: FundsRow['kind'] | undefined = d.findings.some((f) => f.severity === 'critical') ? 'at_risk' : d.status === 'pending' || d.status === 'dropped' ? 'stuck' : d.status === 'failed' ? 'blocked' : undefined;
    if (!kind) continue;
    let found: ReturnType<typeof amountOf>;
    for (const f of d.findings) {
      found = amountOf(f.evidence);
      for (const v of Object.values(f.evidence)) if (!found && v && typeof v === 'object' && !Array.isArray(v)) found = amountOf(v as Record<string, unknown>);
      if (found) break;
    }
    if (!found) continue;
    const native = registry.find(d.chain);
    const listed = found.token ? native?.tokens.find((t) => t.address.toLowerCase() === found.token!.toLowerCase())?.decimals : undefined;
    const decimals = found.decimals ?? listed ?? (native && !found.token && native.nativeSymbol === found.symbol ? native.nativeDecimals : null);
    const key = `${kind}|${d.chain}|${found.token ?? found.symbol}`;
    const row = rows.get(key) ?? { chain: d.chain, symbol: found.symbol, token: found.token, amount: '0', decimals, display: null, kind, transactions: 0, sum: 0n };
    row.sum += found.amount;
    row.transactions++;
    rows.set(key, row);
  }
  return [...rows.values()]
    .map(({ sum, ...r }) => ({ ...r, amount: sum.toString(), display: r.decimals !== null ? formatUnits(sum, r.decimals) : null }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.chain.localeCompare(b.chain) || a.symbol.localeCompare(b.symbol));
}

export function scopeOf(users: number): Scope {
  return users >= 100 ? scopes[3] : users >= 10 ? scopes[2] : users >= 2 ? scopes[1] : scopes[0];
}

/** Tickets per UTC day between first and last seen; growing when the later half runs at least 1.5× the earlier half. */
export function trendOf(createdAt: readonly string[], now: Date): Impact['trend'] {
  const days = new Map<string, number>();
  for (const t of createdAt) days.set(t.slice(0, 10), (days.get(t.slice(0, 10)) ?? 0) + 1);
  const sorted = [...createdAt].sort();
  const first = sorted[0] ?? now.toISOString();
  const spanDays = Math.max(1, Math.ceil((now.getTime() - Date.parse(first)) / 86_400_000));
  const perDay: Array<{ day: string; tickets: number }> = [];
  for (let d = new Date(`${first.slice(0, 10)}T00:00:00Z`); d.getTime() <= now.getTime(); d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10);
    perDay.push({ day, tickets: days.get(day) ?? 0 });
  }
  const half = Math.floor(perDay.length / 2);
  const early = perDay.slice(0, half).reduce((s, x) => s + x.tickets, 0) / Math.max(1, half);
  const late = perDay.slice(half).reduce((s, x) => s + x.tickets, 0) / Math.max(1, perDay.length - half);
  const growing = perDay.length >= 2 && late >= 1 && late >= early * 1.5;
  const rate = Math.round((createdAt.length / spanDays) * 100) / 100;
  const note = perDay.length < 2 ? 'all tickets arrived within one day' : growing ? `growing: ${late.toFixed(1)}/day lately vs ${early.toFixed(1)}/day before` : `steady or falling: ${late.toFixed(1)}/day lately vs ${early.toFixed(1)}/day before`;
  return { perDay, ticketsPerDay: rate, growing, note };
}

/** The engineering priority and why: funds, security, severity, reach, growth and SLA. */
export function priorityOf(input: { severity: string; scope: Scope; funds: FundsRow[]; securityFlags: boolean; growing: boolean; slaBreaches: number }): { priority: EngineeringPriority; reasons: string[] } {
  const reasons: string[] = [];
  let score = 3 - (severityRank[input.severity] ?? 3);
  reasons.push(`highest ticket severity is ${input.severity}`);
  const reach = scopes.indexOf(input.scope);
  if (reach >= 2) {
    score += reach - 1;
    reasons.push(`reach: ${input.scope}`);
  }
  const atRisk = input.funds.filter((f) => f.kind === 'at_risk' || f.kind === 'stuck');
  if (atRisk.length) {
    score += 2;
    reasons.push(`user funds ${atRisk.map((f) => `${f.kind === 'stuck' ? 'stuck' : 'at risk'}: ${f.display ?? f.amount} ${f.symbol} on ${f.chain}`).join('; ')}`);
  } else if (input.funds.length) {
    score += 1;
    reasons.push(`transactions fail before moving funds (${input.funds.map((f) => `${f.display ?? f.amount} ${f.symbol}`).join(', ')} blocked)`);
  }
  if (input.securityFlags) {
    score += 2;
    reasons.push('tickets carry security flags (secrets exposed or possible compromise)');
  }
  if (input.growing) {
    score += 1;
    reasons.push('ticket volume is growing');
  }
  if (input.slaBreaches) {
    score += 1;
    reasons.push(`${input.slaBreaches} SLA breach${input.slaBreaches === 1 ? '' : 'es'} on linked tickets`);
  }
  const priority: EngineeringPriority = score >= 6 ? 'P0' : score >= 4 ? 'P1' : score >= 2 ? 'P2' : 'P3';
  return { priority, reasons };
}
