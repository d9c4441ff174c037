import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/tmp.ts';
import { ConfigInvalidError, loadConfig } from './load.ts';

test('defaults apply when nothing is set', () => {
  const { dir, remove } = tempDir();
  try {
    const c = loadConfig({ cwd: dir, env: {} });
    assert.equal(c.server.port, 8080);
    assert.equal(c.server.host, '127.0.0.1');
    assert.equal(c.dataDir, './data');
    assert.equal(c.database.url, undefined);
  } finally {
    remove();
  }
});

test('behavior: file < env < flags', () => {
  const { dir, remove } = tempDir();
  try {
    writeFileSync(join(dir, 'opsdesk.config.json'), JSON.stringify({ server: { port: 9000, host: '0.0.0.0' }, log: { level: 'warn' }, dataDir: '/from-file' }));
    const c = loadConfig({ cwd: dir, env: { OPSDESK_SERVER_PORT: '9100', OPSDESK_LOG_LEVEL: 'debug' }, flags: { server: { port: 9200 } } });
    assert.equal(c.server.port, 9200);
    assert.equal(c.server.host, '0.0.0.0');
    assert.equal(c.log.level, 'debug');
    assert.equal(c.dataDir, '/from-file');
  } finally {
    remove();
  }
});

test('behavior: env names follow OPSDESK_<SECTION>_<FIELD>, with aliases', () => {
  const c = loadConfig({ cwd: '/', env: { OPSDESK_DATABASE_URL: 'postgres://x@h/db', OPSDESK_ADMIN_PASSWORD: 'correct horse battery', OPSDESK_AUTH_SESSION_TTL_SEC: '60', OPSDESK_DATA_DIR: '/d' } });
  assert.equal(c.database.url, 'postgres://x@h/db');
  assert.equal(c.auth.adminPassword, 'correct horse battery');
  assert.equal(c.auth.sessionTtlSec, 60);
  assert.equal(c.dataDir, '/d');
});

test('error: every problem is listed at once', () => {
  const { dir, remove } = tempDir();
  try {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ server: { port: 'eighty', hots: 'x' }, log: { level: 'loud' } }));
    const err = (() => {
      try {
        loadConfig({ cwd: dir, file: 'bad.json', env: { OPSDESK_AUTH_SESSION_TTL_SEC: 'soon' } });
      } catch (e) {
        return e as ConfigInvalidError;
      }
      throw new Error('expected an error');
    })();
    assert.ok(err instanceof ConfigInvalidError);
    assert.equal(err.code, 'VALIDATION');
    const problems = err.context.problems as string[];
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(err.message, /OPSDESK_AUTH_SESSION_TTL_SEC: expected a number, got "soon"/);
    assert.match(err.message, /server\.port: /);
    assert.match(err.message, /hots/);
    assert.match(err.message, /log\.level: /);
    assert.match(err.message, /Fix .*bad\.json/);
  } finally {
    remove();
  }
});

test('error: a config file that is not JSON, or missing', () => {
  const { dir, remove } = tempDir();
  try {
    writeFileSync(join(dir, 'broken.json'), '{ "server": ');
    assert.throws(() => loadConfig({ cwd: dir, file: 'broken.json', env: {} }), /not valid JSON/);
    assert.throws(() => loadConfig({ cwd: dir, file: 'nope.json', env: {} }), /does not exist/);
  } finally {
    remove();
  }
});
