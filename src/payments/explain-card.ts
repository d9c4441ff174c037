import { makeFinding, type Finding } from '../chains/index.ts';
import type { CardEvent } from './event.ts';
import type { PaymentExplanation } from './explanation.ts';
import { cardFindings } from './findings/card.ts';
import { explainResponseCode } from './iso8583.ts';

const scale = 100_000_000n;
/** A decimal string as an integer of 1e-8 units, for exact comparisons. */
function units(value: string): bigint {
  const [whole = '0', frac = ''] = value.replace('-', '').split('.');
  const v = BigInt(whole) * scale + BigInt((frac + '00000000').slice(0, 8));
  return value.startsWith('-') ? -v : v;
}
function show(v: bigint): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  const frac = (a % scale).toString().padStart(8, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${a / scale}${frac ? '.' + frac.padEnd(2, '0') : ''}`;
}

const failed3ds = new Set(['failed', 'rejected', 'not_authenticated', 'challenge_abandoned', 'abandoned', 'denied', 'authentication_failed', 'attempt_failed']);

/** Explains the events of one card authorisation: declines (ISO 8583, 3-D Secure), holds, FX, reversals, settlements and refunds. */
export function explainCardPayment(events: readonly CardEvent[], locale = 'en'): PaymentExplanation {
  const sorted = [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const first = sorted[0];
  if (!first) throw new Error('explainCardPayment needs at least one event');
  const merchant = sorted.find((e) => e.merchant)?.merchant;
  const f = (code: string, e: CardEvent, params: Record<string, string>, evidence: Record<string, unknown>): Finding =>
    makeFinding(cardFindings, code, { merchant: merchant?.name ?? 'the merchant', amount: e.amount.value, currency: e.amount.currency, ...params }, { eventId: e.eventId, occurredAt: e.occurredAt, provider: e.provider, ...evidence }, locale);
  const findings: Finding[] = [];
  const by = (t: CardEvent['type']) => sorted.filter((e) => e.type === t);
  const auth = by('authorization')[0];
  const settlements = by('settlement');
  const reversals = by('reversal');
  const refunds = by('refund');
  const refundPosts = by('refund_settlement');
  for (const d of by('decline')) {
    const iso = explainResponseCode(d.responseCode);
    if (d.threeDs && failed3ds.has(d.threeDs.result.toLowerCase())) {
      findings.push(f('card.3ds.failed', d, { threeDsResult: d.threeDs.result, reason: d.threeDs.reason ? ` (${d.threeDs.reason})` : '' }, { threeDs: d.threeDs, responseCode: d.responseCode, declineReason: d.declineReason }));
      continue;
    }
    findings.push(f(iso.finding === 'card.authorized.pending' ? 'card.declined.other' : iso.finding, d, { responseCode: iso.code, meaning: iso.meaning }, { iso8583: { code: iso.code, meaning: iso.meaning }, declineReason: d.declineReason, merchant }));
  }
  const fxSource = [...settlements, auth].find((e) => e?.merchantAmount && e.merchantAmount.currency !== e.amount.currency);
  if (fxSource?.merchantAmount) {
    const rate = Number(units(fxSource.amount.value)) / Number(units(fxSource.merchantAmount.value) || 1n);
    findings.push(f('card.fx.conversion', fxSource, { merchantAmount: fxSource.merchantAmount.value, merchantCurrency: fxSource.merchantAmount.currency, rate: rate.toPrecision(6) }, { billed: fxSource.amount, merchantAmount: fxSource.merchantAmount, effectiveRate: rate }));
  }
  if (auth && !settlements.length && !reversals.length) findings.push(f('card.authorized.pending', auth, {}, { authorizedAt: auth.occurredAt, responseCode: auth.responseCode ?? '00' }));
  for (const r of reversals) findings.push(f('card.reversal.released', r, {}, { reversedAt: r.occurredAt, authorizedAmount: auth?.amount }));
  for (const s of settlements) {
    findings.push(f('card.settled.posted', s, {}, { settledAt: s.occurredAt }));
    if (auth && auth.amount.currency === s.amount.currency && units(auth.amount.value) !== units(s.amount.value)) {
      const diff = units(s.amount.value) - units(auth.amount.value);
      findings.push(f('card.settled.amount_differs', s, { settledAmount: s.amount.value, authorizedAmount: auth.amount.value, difference: show(diff) }, { authorized: auth.amount, settled: s.amount, difference: show(diff) }));
    }
  }
  if (refundPosts.length) for (const r of refundPosts) findings.push(f('card.refund.posted', r, {}, { postedAt: r.occurredAt }));
  else for (const r of refunds) findings.push(f('card.refund.pending', r, {}, { announcedAt: r.occurredAt }));
  const last = sorted[sorted.length - 1]!;
  const status = refundPosts.length || refunds.length ? 'refunded' : settlements.length ? 'settled' : reversals.length ? 'reversed' : by('decline').length && !auth ? 'declined' : auth ? 'authorized' : last.type;
  return {
    kind: 'card',
    subjectId: first.authorizationId,
    provider: first.provider,
    status,
    timeline: sorted.map((e) => ({ at: e.occurredAt, what: e.type + (e.responseCode && e.type === 'decline' ? ` (${e.responseCode})` : ''), amount: `${e.amount.value} ${e.amount.currency}` })),
    findings,
  };
}
