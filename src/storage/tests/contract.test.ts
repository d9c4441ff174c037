import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { manualClock } from '../../core/index.ts';
import { claimJobs, completeJob, enqueueJob, failJob, migrateToLatest, migrations, type RelationalStore } from '../index.ts';
import { engines } from '../../../test/stores.ts';

for (const engine of engines) {
  describe(`storage contract [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await engine.open());
    });
    after(async () => cleanup());

    test('migrations ran and a second run applies nothing', async () => {
      const again = await migrateToLatest(store);
      assert.deepEqual(again.applied, []);
      assert.equal(again.current, migrations.at(-1)?.name);
    });

    test('writes are read back', async () => {
      await store.db.insertInto('opsdesk_meta').values({ key: 'k1', value: 'v1' }).execute();
      const row = await store.db.selectFrom('opsdesk_meta').selectAll().where('key', '=', 'k1').executeTakeFirstOrThrow();
      assert.equal(row.value, 'v1');
    });

    test('behavior: a failed transaction leaves nothing behind', async () => {
      await assert.rejects(
        store.db.transaction().execute(async (trx) => {
          await trx.insertInto('opsdesk_meta').values({ key: 'tx1', value: 'x' }).execute();
          throw new Error('boom');
        }),
      );
      const row = await store.db.selectFrom('opsdesk_meta').selectAll().where('key', '=', 'tx1').executeTakeFirst();
      assert.equal(row, undefined);
    });

    test('behavior: enqueueing with the same id is idempotent', async () => {
      const clock = manualClock('2026-11-27T10:00:00Z');
      await enqueueJob(store, { id: 'job_same', kind: 'k.idem', payload: { a: 1 } }, clock);
      await enqueueJob(store, { id: 'job_same', kind: 'k.idem', payload: { a: 2 } }, clock);
      const rows = await store.db.selectFrom('jobs').selectAll().where('kind', '=', 'k.idem').execute();
      assert.equal(rows.length, 1);
      assert.equal(JSON.parse(rows[0]!.payload).a, 1);
    });

    test('behavior: concurrent claimers never get the same job', async () => {
      const clock = manualClock('2026-11-27T10:00:00Z');
      for (let i = 0; i < 20; i++) await enqueueJob(store, { kind: 'k.race', payload: i }, clock);
      const claims = await Promise.all(
        Array.from({ length: 5 }, (_, w) => claimJobs(store, `worker-${w}`, { kinds: ['k.race'], limit: 6 }, clock).catch(() => [])),
      );
      const ids = claims.flat().map((j) => j.id);
      assert.equal(new Set(ids).size, ids.length, 'a job was claimed twice');
      assert.ok(ids.length >= 6);
    });

    test('behavior: a failed job is retried later, then parked', async () => {
      const clock = manualClock('2026-11-27T11:00:00Z');
      await enqueueJob(store, { kind: 'k.fail', payload: null }, clock);
      let [job] = await claimJobs(store, 'w', { kinds: ['k.fail'] }, clock);
      assert.ok(job);
      await failJob(store, job, 'upstream down', { retryInMs: 1000, maxAttempts: 2 }, clock);
      assert.deepEqual(await claimJobs(store, 'w', { kinds: ['k.fail'] }, clock), []);
      clock.advance(1500);
      [job] = await claimJobs(store, 'w', { kinds: ['k.fail'] }, clock);
      assert.equal(job?.attempts, 2);
      await failJob(store, job!, 'still down', { maxAttempts: 2 }, clock);
      const row = await store.db.selectFrom('jobs').select(['status', 'last_error']).where('id', '=', job!.id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'failed', last_error: 'still down' });
    });

    test('behavior: an expired lease is reclaimed; a completed job is not', async () => {
      const clock = manualClock('2026-11-27T12:00:00Z');
      await enqueueJob(store, { kind: 'k.lease' }, clock);
      const [first] = await claimJobs(store, 'a', { kinds: ['k.lease'], leaseMs: 1000 }, clock);
      clock.advance(2000);
      const [again] = await claimJobs(store, 'b', { kinds: ['k.lease'] }, clock);
      assert.equal(again?.id, first?.id);
      await completeJob(store, again!.id, clock);
      clock.advance(120_000);
      assert.deepEqual(await claimJobs(store, 'c', { kinds: ['k.lease'] }, clock), []);
    });
  });
}
