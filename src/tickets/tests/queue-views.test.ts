import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { manualClock } from '../../core/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import { deleteQueueView, listQueueViews, maxQueueViews, saveQueueView } from '../index.ts';

for (const engine of engines) {
  describe(`saved queue views [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await engine.open());
    });
    after(async () => cleanup());

    test('a view is saved per user, replaced by name, listed by name and deleted', async () => {
      const db = store.db;
      const clock = manualClock('2026-11-27T16:00:00Z');
      await saveQueueView(db, 'usr_a', { name: 'Mine', filters: { assignee: 'mine', status: '' } }, clock);
      await saveQueueView(db, 'usr_a', { name: 'Breached p1', filters: { priority: 'p1', sla: 'breached' } }, clock);
      await saveQueueView(db, 'usr_b', { name: 'Mine', filters: { assignee: 'none' } }, clock);
      assert.deepEqual((await listQueueViews(db, 'usr_a')).map((v) => [v.name, v.filters]), [
        ['Breached p1', { priority: 'p1', sla: 'breached' }],
        ['Mine', { assignee: 'mine' }],
      ]);
      await saveQueueView(db, 'usr_a', { name: 'Mine', filters: { assignee: 'mine', category: 'fees' } }, clock);
      assert.deepEqual((await listQueueViews(db, 'usr_a')).find((v) => v.name === 'Mine')?.filters, { assignee: 'mine', category: 'fees' });
      assert.deepEqual((await listQueueViews(db, 'usr_b')).map((v) => v.filters), [{ assignee: 'none' }]);
      assert.equal(await deleteQueueView(db, 'usr_a', 'Mine'), true);
      assert.equal(await deleteQueueView(db, 'usr_a', 'Mine'), false);
      assert.deepEqual((await listQueueViews(db, 'usr_a')).map((v) => v.name), ['Breached p1']);
    });

    test('error: a user cannot keep more than the maximum number of views', async () => {
      for (let i = 0; i < maxQueueViews; i++) await saveQueueView(store.db, 'usr_many', { name: `v${i}`, filters: { priority: 'p1' } });
      await assert.rejects(saveQueueView(store.db, 'usr_many', { name: 'one more', filters: {} }), /already have 50 saved views/);
      await saveQueueView(store.db, 'usr_many', { name: 'v3', filters: { priority: 'p2' } });
    });
  });
}
