import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { manualClock } from '../../core/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import {
  createToken,
  createUser,
  disableUser,
  ensureFirstAdmin,
  FailureLimiter,
  findSessionPrincipal,
  findTokenPrincipal,
  listAudit,
  listTokens,
  listUsers,
  login,
  revokeToken,
} from '../index.ts';

for (const engine of engines) {
  describe(`auth [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await engine.open());
    });
    after(async () => cleanup());

    test('first start creates one admin with a one-time password, once', async () => {
      const first = await ensureFirstAdmin(store.db, { email: 'root@example.test' });
      assert.equal(first.created, true);
      assert.ok(first.created && first.oneTimePassword && first.oneTimePassword.length >= 16);
      assert.deepEqual(await ensureFirstAdmin(store.db, { email: 'other@example.test' }), { created: false });
      const users = await listUsers(store.db);
      assert.equal(users.length, 1);
      assert.equal(users[0]!.role, 'admin');
      assert.equal(users[0]!.mustChangePassword, true);
    });

    test('login opens a session that resolves to the user; the password is stored hashed', async () => {
      const clock = manualClock('2026-11-27T09:00:00Z');
      await createUser(store.db, { email: 'Agent.One@Example.test', role: 'agent', password: 'correct horse battery staple' }, null, clock);
      const row = await store.db.selectFrom('users').select('password_hash').where('email', '=', 'agent.one@example.test').executeTakeFirstOrThrow();
      assert.match(row.password_hash!, /^scrypt\$/);
      assert.ok(!row.password_hash!.includes('correct horse'));
      const limiter = new FailureLimiter(3, 60_000, clock);
      const res = await login(store.db, limiter, { email: 'agent.one@example.test', password: 'correct horse battery staple', ip: '10.0.0.1' }, { sessionTtlSec: 3600 }, clock);
      const p = await findSessionPrincipal(store.db, res.sessionId, clock);
      assert.equal(p?.role, 'agent');
      assert.equal(p?.csrfToken, res.csrfToken);
      clock.advance(3601_000);
      assert.equal(await findSessionPrincipal(store.db, res.sessionId, clock), undefined, 'expired sessions are refused');
    });

    test('error: wrong passwords are rate limited per account', async () => {
      const clock = manualClock('2026-11-27T09:00:00Z');
      await createUser(store.db, { email: 'victim@example.test', role: 'viewer', password: 'the right password!' }, null, clock);
      const limiter = new FailureLimiter(3, 60_000, clock);
      for (let i = 0; i < 3; i++) {
        await assert.rejects(login(store.db, limiter, { email: 'victim@example.test', password: 'guess' + i, ip: `10.0.0.${i}` }, { sessionTtlSec: 60 }, clock), { code: 'UNAUTHORIZED' });
      }
      await assert.rejects(login(store.db, limiter, { email: 'victim@example.test', password: 'the right password!', ip: '10.9.9.9' }, { sessionTtlSec: 60 }, clock), { code: 'RATE_LIMITED' });
      clock.advance(61_000);
      await login(store.db, limiter, { email: 'victim@example.test', password: 'the right password!', ip: '10.9.9.9' }, { sessionTtlSec: 60 }, clock);
      const failures = (await listAudit(store.db, { limit: 50 })).filter((a) => a.action === 'auth.login_failed');
      assert.ok(failures.length >= 3);
    });

    test('behavior: disabling a user ends their sessions and blocks login', async () => {
      const clock = manualClock('2026-11-27T09:00:00Z');
      await createUser(store.db, { email: 'leaver@example.test', role: 'engineer', password: 'a long password 1' }, null, clock);
      const limiter = new FailureLimiter(10, 60_000, clock);
      const res = await login(store.db, limiter, { email: 'leaver@example.test', password: 'a long password 1' }, { sessionTtlSec: 3600 }, clock);
      await disableUser(store.db, 'leaver@example.test', null, clock);
      assert.equal(await findSessionPrincipal(store.db, res.sessionId, clock), undefined);
      await assert.rejects(login(store.db, limiter, { email: 'leaver@example.test', password: 'a long password 1' }, { sessionTtlSec: 3600 }, clock), { code: 'UNAUTHORIZED' });
    });

    test('API tokens are shown once, stored hashed, scoped and revocable', async () => {
      const clock = manualClock('2026-11-27T09:00:00Z');
      const { token, secret } = await createToken(store.db, { name: 'otel collector', role: 'ingest', expiresInDays: 1 }, null, clock);
      assert.match(secret, /^ods_/);
      const rows = await store.db.selectFrom('api_tokens').selectAll().execute();
      assert.ok(rows.every((r) => !r.token_hash.includes(secret) && r.token_hash !== secret));
      assert.equal((await findTokenPrincipal(store.db, secret, clock))?.role, 'ingest');
      assert.ok((await listTokens(store.db)).some((t) => t.id === token.id && t.prefix === secret.slice(0, 12)));
      clock.advance(2 * 86_400_000);
      assert.equal(await findTokenPrincipal(store.db, secret, clock), undefined, 'expired');
      const other = await createToken(store.db, { name: 'ci', role: 'viewer' }, null, clock);
      await revokeToken(store.db, other.token.id, null, clock);
      assert.equal(await findTokenPrincipal(store.db, other.secret, clock), undefined, 'revoked');
    });

    test('error: duplicate users, bad e-mails, short passwords and unknown tokens', async () => {
      await createUser(store.db, { email: 'dup@example.test', role: 'viewer', password: 'long enough pass' }, null);
      await assert.rejects(createUser(store.db, { email: 'DUP@example.test', role: 'viewer' }, null), { code: 'CONFLICT' });
      await assert.rejects(createUser(store.db, { email: 'not-an-email', role: 'viewer' }, null), { code: 'VALIDATION' });
      await assert.rejects(createUser(store.db, { email: 'short@example.test', role: 'viewer', password: 'short' }, null), /at least 12/);
      await assert.rejects(revokeToken(store.db, 'tok_nope', null), { code: 'NOT_FOUND' });
      await assert.rejects(createToken(store.db, { name: 'x', role: 'admin' }, { kind: 'user', id: 'u', userId: 'u', name: 'agent', role: 'agent' }), { code: 'FORBIDDEN' });
    });
  });
}
