import type { Finding, TxDiagnosis } from '../chains/index.ts';

/** What `payment explain` answers for one card payment or one on-ramp order. */
export interface PaymentExplanation {
  kind: 'card' | 'onramp';
  /** Authorisation id (card) or order id (on-ramp). */
  subjectId: string;
  provider: string;
  /** Latest state: card authorized|declined|reversed|settled|refunded; on-ramp the normalised order status. */
  status: string;
  /** The events read, oldest first (type/status, time, amount). */
  timeline: Array<{ at: string; what: string; amount?: string }>;
  findings: Finding[];
  /** On-ramp: the on-chain check of the delivery transaction, or why it could not be made. */
  transaction?: { ok: true; diagnosis: TxDiagnosis } | { ok: false; error: { code: string; message: string } };
}
