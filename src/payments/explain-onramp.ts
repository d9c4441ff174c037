import { makeFinding, type Finding, type TxDiagnosis } from '../chains/index.ts';
import type { TransferChecker } from './check-transfer.ts';
import type { OnrampEvent, OnrampStatus } from './event.ts';
import type { PaymentExplanation } from './explanation.ts';
import { onrampFindings } from './findings/onramp.ts';

/** How far along an order is, to pick the latest state when events share a timestamp. */
const rank: Readonly<Record<OnrampStatus, number>> = { created: 0, payment_pending: 1, kyc_required: 2, payment_failed: 3, paid: 4, crypto_sending: 5, completed: 6, failed: 6, refunded: 7, expired: 7, cancelled: 7 };
const recipientKeys = new Set(['to', 'toOwner', 'address', 'recipient', 'paidAddress']);

/** Whether the diagnosis shows the wallet as the recipient: true, false, or undefined when it does not say. */
function paysWallet(d: TxDiagnosis, wallet: string): boolean | undefined {
  const codes = d.findings.map((f) => f.code);
  if (codes.some((c) => c.endsWith('recipient.found') || c.endsWith('address_type_mismatch'))) return true;
  if (codes.some((c) => c.endsWith('recipient.not_in_outputs'))) return false;
  const seen: string[] = [];
  for (const f of d.findings) for (const [k, v] of Object.entries(f.evidence)) if (recipientKeys.has(k) && typeof v === 'string') seen.push(v);
  if (!seen.length) return undefined;
  const norm = (a: string) => (/^0x[0-9a-fA-F]{40}$/.test(a) ? a.toLowerCase() : a);
  return seen.some((a) => norm(a) === norm(wallet));
}

/** Explains an on-ramp order from its provider events and, when a delivery hash is known, from the chain itself. */
export async function explainOnrampOrder(events: readonly OnrampEvent[], options: { checkTransfer?: TransferChecker; locale?: string } = {}): Promise<PaymentExplanation> {
  const sorted = [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || rank[a.status] - rank[b.status]);
  const last = sorted[sorted.length - 1];
  if (!last) throw new Error('explainOnrampOrder needs at least one event');
  const locale = options.locale ?? 'en';
  const pick = <K extends keyof OnrampEvent>(k: K) => [...sorted].reverse().find((e) => e[k] !== undefined)?.[k];
  const fiat = pick('fiat');
  const crypto = last.crypto;
  const txHash = pick('txHash');
  const walletAddress = pick('walletAddress');
  const network = crypto.network ?? sorted.find((e) => e.crypto.network)?.crypto.network;
  const params = {
    provider: last.provider,
    orderId: last.orderId,
    providerStatus: last.providerStatus,
    fiatAmount: fiat?.value ?? '?',
    fiatCurrency: fiat?.currency ?? '',
    asset: crypto.asset,
    cryptoAmount: crypto.value ?? pick('crypto')?.value ?? '?',
    walletAddress: walletAddress ?? 'unknown',
    txHash: txHash ?? 'none',
    chain: network ?? 'unknown',
    reason: last.failureReason ? `: ${last.failureReason}` : '',
  };
  const f = (code: string, evidence: Record<string, unknown> = {}, extra: Record<string, string> = {}): Finding => makeFinding(onrampFindings, code, { ...params, ...extra }, { status: last.status, providerStatus: last.providerStatus, ...evidence }, locale);
  const findings: Finding[] = [];
  let transaction: PaymentExplanation['transaction'];
  const needsChain = (last.status === 'completed' || last.status === 'crypto_sending') && txHash;
  if (needsChain && options.checkTransfer) {
    try {
      const d = await options.checkTransfer({ hash: txHash, ...(network ? { network } : {}), ...(walletAddress ? { expectedRecipient: walletAddress } : {}), locale });
      transaction = { ok: true, diagnosis: d };
      const ev = { chain: d.chain, txStatus: d.status, txFindings: d.findings.map((x) => x.code) };
      const p = { chain: d.chain !== 'unknown' ? d.chain : params.chain, txStatus: d.status };
      if (d.status === 'not_found' || d.status === 'dropped') findings.push(f('onramp.crypto.tx_not_found', ev, p));
      else if (d.status === 'pending') findings.push(f('onramp.crypto.tx_pending', ev, p));
      else if (d.status === 'failed' || d.status === 'replaced') findings.push(f('onramp.crypto.tx_failed', ev, p));
      else {
        const pays = walletAddress ? paysWallet(d, walletAddress) : undefined;
        findings.push(f(pays === false ? 'onramp.crypto.wrong_address' : 'onramp.crypto.delivered', { ...ev, recipientChecked: pays !== undefined }, p));
      }
    } catch (err) {
      const e = err as { code?: string; shortMessage?: string; message?: string };
      transaction = { ok: false, error: { code: e.code ?? 'INTERNAL', message: e.shortMessage ?? e.message ?? String(err) } };
      findings.push(f('onramp.crypto.processing', { chainCheck: 'failed', error: transaction.error }));
    }
  } else {
    switch (last.status) {
      case 'created':
      case 'payment_pending':
        findings.push(f('onramp.payment.pending'));
        break;
      case 'kyc_required':
        findings.push(f('onramp.kyc.required'));
        break;
      case 'payment_failed':
        findings.push(f('onramp.payment.failed', { failureReason: last.failureReason }));
        break;
      case 'paid':
      case 'crypto_sending':
        findings.push(f('onramp.crypto.processing'));
        break;
      case 'completed':
        findings.push(txHash ? f('onramp.crypto.delivered', { txHash, chainCheck: 'not performed' }, { txStatus: 'not checked' }) : f('onramp.crypto.no_tx_hash'));
        break;
      case 'failed':
        findings.push(f('onramp.order.failed', { failureReason: last.failureReason }));
        break;
      case 'refunded':
        findings.push(f('onramp.order.refunded'));
        break;
      case 'expired':
      case 'cancelled':
        findings.push(f('onramp.order.expired'));
        break;
    }
  }
  return {
    kind: 'onramp',
    subjectId: last.orderId,
    provider: last.provider,
    status: last.status,
    timeline: sorted.map((e) => ({ at: e.occurredAt, what: `${e.status} (${e.providerStatus})`, ...(e.fiat ? { amount: `${e.fiat.value} ${e.fiat.currency}` } : {}) })),
    findings,
    ...(transaction ? { transaction } : {}),
  };
}
