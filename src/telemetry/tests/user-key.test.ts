import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { toEventColumns } from '../columns.ts';
import { eventColumns } from '../duckdb/schema.ts';
import { DuckDbTelemetryStore } from '../duckdb/store.ts';
import { userKeyOf, userKeySql } from '../duckdb/user-key.ts';
import { telemetryEvent, type TelemetryEvent } from '../event.ts';
import { EventsQuery } from '../store.ts';
import { tempDir } from '../../../test/tmp.ts';

// One user's events are found through `user_key` (32 bits of md5(user_id)) computed by JavaScript on
// the appender paths and by DuckDB on the flat path and in upgrades: both must agree on every id.

const ids = ['u4242', '', 'a', 'Ünïcödé-用户-😀', 'x'.repeat(256), '0x52908400098527886E0F7030069857D2E4169EE7', 'user with spaces', '\u00e9', 'e\u0301'];

const event = (i: number, userId: string | null): TelemetryEvent =>
  telemetryEvent({ tsMs: Date.parse('2026-11-24T00:00:00Z') + i * 1000, service: 'api', severity: 'info', route: '/r', statusCode: 200, durationMs: 5, userId, body: `event ${i}` });

const range = { from: '2026-11-23T00:00:00Z', to: '2026-11-25T00:00:00Z' };

describe('user key', () => {
  const tmp = tempDir('opsdesk-user-key-');
  after(() => tmp.remove());

  test('JavaScript and DuckDB compute the same key for every id', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      for (const id of ids) {
        const reader = await conn.runAndReadAll(`SELECT ${userKeySql('$1')}::BIGINT AS k`, [id]);
        assert.equal(Number(reader.getRowObjectsJS()[0]!.k), userKeyOf(id), JSON.stringify(id));
        assert.equal(userKeyOf(Buffer.from(id, 'utf8')), userKeyOf(id));
      }
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });

  describe('written and read', () => {
    let store: DuckDbTelemetryStore;
    before(async () => {
      store = await DuckDbTelemetryStore.open({ file: join(tmp.dir, 'new.duckdb'), memoryLimit: '256MB', threads: 1, userIndex: false });
      await store.append(ids.map((id, i) => event(i, id)).concat([event(100, null)]));
      await store.appendColumns([toEventColumns(ids.map((id, i) => event(200 + i, id)).concat([event(300, null)]))]);
    });
    after(() => store.close());

    test('both appender paths store the key DuckDB computes, and null without a user', async () => {
      const rows = await store.read({ sql: `SELECT count(*) FILTER (WHERE user_key IS DISTINCT FROM ${userKeySql('user_id')}) AS wrong, count(*) FILTER (WHERE user_key IS NULL) AS none FROM events`, params: [] });
      assert.deepEqual(rows.map((r) => [Number(r.wrong), Number(r.none)]), [[0, 2]]);
    });

    test('one user, and any of several users, are found', async () => {
      for (const id of ids) {
        const found = await store.queryEvents(EventsQuery.parse({ ...range, userId: id }));
        assert.deepEqual(found.map((e) => e.userId), [id, id], JSON.stringify(id));
      }
      const several = await store.queryEvents(EventsQuery.parse({ ...range, anyOf: { userId: [ids[0], ids[3]] }, order: 'asc' }));
      assert.deepEqual(several.map((e) => e.body), ['event 0', 'event 3', 'event 200', 'event 203']);
    });

    test('the lookup reads the key: a row whose key is wrong is not found', async () => {
      await store.read({ sql: `UPDATE events SET user_key = user_key + 1 WHERE body = 'event 0'`, params: [] });
      const found = await store.queryEvents(EventsQuery.parse({ ...range, userId: ids[0] }));
      assert.deepEqual(found.map((e) => e.body), ['event 200']);
    });
  });

  test('a file from before user_key, with the index on user_id that release made by default, is upgraded on open, once', async () => {
    const file = join(tmp.dir, 'old.duckdb');
    const db = await DuckDBInstance.create(file);
    const conn = await db.connect();
    const old = eventColumns.filter(([name]) => name !== 'user_key');
    await conn.run(`CREATE TABLE events (${old.map(([n, t]) => `${n} ${t}`).join(', ')})`);
    await conn.run('CREATE INDEX events_user_id ON events (user_id)');
    await conn.run(`INSERT INTO events (ts, kind, is_error, user_id, body) VALUES (TIMESTAMP '2026-11-24 01:00:00', 'log', false, 'u1', 'old one'), (TIMESTAMP '2026-11-24 02:00:00', 'log', false, NULL, 'old none')`);
    conn.closeSync();
    db.closeSync();
    for (let open = 0; open < 2; open++) {
      const store = await DuckDbTelemetryStore.open({ file, memoryLimit: '256MB', threads: 1, userIndex: false });
      try {
        if (open === 0) await store.append([event(1, 'u1')]);
        const found = await store.queryEvents(EventsQuery.parse({ ...range, userId: 'u1', order: 'asc' }));
        assert.deepEqual(found.map((e) => e.body), ['event 1', 'old one']);
        const [keys] = await store.read({ sql: `SELECT count(user_key) AS n FROM events`, params: [] });
        assert.equal(Number(keys!.n), 2);
      } finally {
        await store.close();
      }
    }
  });
});
