import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { MigrationFailedError, migrateToLatest, migrations, type Migration, type RelationalStore } from '../index.ts';
import { engines } from '../../../test/stores.ts';

/** Every table with its columns, and the applied migration names: what a failed run must not change. */
async function snapshot(store: RelationalStore): Promise<{ tables: string[]; applied: string[] }> {
  const tables = (await store.db.introspection.getTables({ withInternalKyselyTables: true }))
    .map((t) => `${t.name}(${t.columns.map((c) => c.name).sort().join(',')})`)
    .sort();
  const applied = (await store.db.selectFrom('opsdesk_migrations' as never).select(sql<string>`name`.as('name')).orderBy(sql`name`).execute()).map((r) => r.name);
  return { tables, applied };
}

const good: Migration = {
  name: '9999010100-good-step',
  async up(db) {
    await db.schema.createTable('atomic_probe_a').addColumn('id', 'text', (c) => c.primaryKey()).execute();
    await db.insertInto('atomic_probe_a').values({ id: 'x' }).execute();
  },
};
const failing: Migration = {
  name: '9999010101-fails-halfway',
  async up(db) {
    await db.schema.createTable('atomic_probe_b').addColumn('id', 'text').execute();
    await db.schema.alterTable('opsdesk_meta').addColumn('atomic_probe', 'text').execute();
    throw new Error('boom halfway through the migration');
  },
};

for (const engine of engines) {
  describe(`migrations are atomic [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await engine.open());
    });
    after(async () => cleanup());

    test('error: a migration throwing halfway leaves the schema and opsdesk_migrations as they were', async () => {
      const before = await snapshot(store);
      assert.equal(before.applied.length, migrations.length);
      await assert.rejects(migrateToLatest(store, [...migrations, good, failing]), (err) => {
        assert.ok(err instanceof MigrationFailedError);
        assert.match(err.shortMessage, /9999010101-fails-halfway failed/);
        return true;
      });
      assert.deepEqual(await snapshot(store), before);
    });

    test('behavior: after a failed run, the fixed migrations apply', async () => {
      const report = await migrateToLatest(store, [...migrations, good]);
      assert.deepEqual(report.applied, [good.name]);
      const after = await snapshot(store);
      assert.ok(after.tables.some((t) => t.startsWith('atomic_probe_a(')));
      assert.ok(!after.tables.some((t) => t.startsWith('atomic_probe_b(')));
      assert.equal(after.applied.at(-1), good.name);
    });
  });
}
