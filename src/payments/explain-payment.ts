import type { TransferChecker } from './check-transfer.ts';
import type { PaymentEvent } from './event.ts';
import { explainCardPayment } from './explain-card.ts';
import { explainOnrampOrder } from './explain-onramp.ts';
import type { PaymentExplanation } from './explanation.ts';
import { subjectOf } from './event.ts';

/** Explains every payment among the events (grouped by authorisation id / order id). */
export async function explainPayments(events: readonly PaymentEvent[], options: { checkTransfer?: TransferChecker; locale?: string } = {}): Promise<PaymentExplanation[]> {
  const groups = new Map<string, PaymentEvent[]>();
  for (const e of events) groups.set(`${e.kind}:${subjectOf(e)}`, [...(groups.get(`${e.kind}:${subjectOf(e)}`) ?? []), e]);
  const out: PaymentExplanation[] = [];
  for (const group of groups.values()) {
    const cards = group.filter((e) => e.kind === 'card');
    const orders = group.filter((e) => e.kind === 'onramp');
    if (cards.length) out.push(explainCardPayment(cards, options.locale));
    if (orders.length) out.push(await explainOnrampOrder(orders, options));
  }
  return out;
}
