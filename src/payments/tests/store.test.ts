import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engines } from '../../../test/stores.ts';
import { manualClock } from '../../core/index.ts';
import { getPaymentEvents, listPaymentsOfUser } from '../list-events.ts';
import { normalizePaymentEvent } from '../normalize-event.ts';
import { recordPaymentEvents } from '../record-event.ts';

const events = normalizePaymentEvent('generic', [
  { kind: 'card', provider: 'acme', eventId: 'e1', type: 'authorization', authorizationId: 'auth-1', occurredAt: '2026-11-20T10:00:00Z', userRef: 'u-1', amount: { value: '10.00', currency: 'USD' }, responseCode: '00' },
  { kind: 'card', provider: 'acme', eventId: 'e2', type: 'settlement', authorizationId: 'auth-1', occurredAt: '2026-11-21T10:00:00Z', userRef: 'u-1', amount: { value: '10.00', currency: 'USD' } },
  { kind: 'onramp', provider: 'acme', eventId: 'o1', orderId: 'ord-1', status: 'paid', providerStatus: 'PAID', occurredAt: '2026-11-22T10:00:00Z', userRef: 'u-1', crypto: { asset: 'BTC' } },
]);

for (const engine of engines) {
  test(`${engine.name}: payment events are stored once per provider event id and read back per payment`, async () => {
    const { store, cleanup } = await engine.open();
    try {
      const clock = manualClock(new Date('2026-11-27T09:00:00Z'));
      assert.deepEqual(await recordPaymentEvents(store.db, events, clock), { stored: 3, duplicates: 0, subjects: ['auth-1', 'ord-1'] });
      assert.deepEqual(await recordPaymentEvents(store.db, events.slice(0, 1), clock), { stored: 0, duplicates: 1, subjects: ['auth-1'] });
      const card = await getPaymentEvents(store.db, 'auth-1');
      assert.deepEqual(card.map((e) => e.eventId), ['e1', 'e2']);
      assert.deepEqual((await listPaymentsOfUser(store.db, 'u-1')).map((p) => [p.subjectId, p.state]), [['ord-1', 'paid'], ['auth-1', 'settlement']]);
      await assert.rejects(getPaymentEvents(store.db, 'missing'), { name: 'PaymentNotFoundError', code: 'NOT_FOUND' });
      const leaky = normalizePaymentEvent('generic', { kind: 'card', provider: 'acme', eventId: 'e9', type: 'decline', authorizationId: 'auth-9', occurredAt: '2026-11-20T10:00:00Z', amount: { value: '1.00', currency: 'USD' }, declineReason: 'card 4111 1111 1111 1111 refused' });
      await recordPaymentEvents(store.db, leaky, clock);
      const [stored] = await getPaymentEvents(store.db, 'auth-9');
      assert.ok(stored?.kind === 'card' && !stored.declineReason?.includes('4111 1111') && stored.declineReason?.includes('[REDACTED:card_number]'));
    } finally {
      await cleanup();
    }
  });
}
