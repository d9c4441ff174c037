import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { manualClock } from '../../core/index.ts';
import { httpCheckAlert, runHttpCheck } from '../index.ts';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A self-signed certificate for 127.0.0.1 valid for `days` days, made with the openssl CLI. */
function selfSigned(dir: string, days: number): { key: Buffer; cert: Buffer; notAfter: Date } {
  const key = join(dir, `key-${days}.pem`);
  const cert = join(dir, `cert-${days}.pem`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', String(days), '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const end = execFileSync('openssl', ['x509', '-in', cert, '-noout', '-enddate'], { encoding: 'utf8' }).trim().replace(/^notAfter=/, '');
  return { key: readFileSync(key), cert: readFileSync(cert), notAfter: new Date(end) };
}

async function httpsServer(tls: { key: Buffer; cert: Buffer }): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer(tls, (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/health`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('TLS certificate expiry check', { skip: hasOpenssl() ? false : 'the openssl CLI is not installed' }, () => {
  let dir: string;
  let soon: { key: Buffer; cert: Buffer; notAfter: Date };
  let later: { key: Buffer; cert: Buffer; notAfter: Date };
  let soonSrv: { url: string; stop(): Promise<void> };
  let laterSrv: { url: string; stop(): Promise<void> };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opsdesk-tls-'));
    soon = selfSigned(dir, 5);
    later = selfSigned(dir, 90);
    soonSrv = await httpsServer(soon);
    laterSrv = await httpsServer(later);
  });
  after(async () => {
    await Promise.all([soonSrv?.stop(), laterSrv?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('reads the certificate end date and does not warn when it is far off', async () => {
    const r = await runHttpCheck({ name: 'api', url: laterSrv.url, timeoutMs: 3000 });
    assert.equal(r.tlsExpiresAt, later.notAfter.toISOString());
    assert.ok(!r.failures.some((f) => f.startsWith('TLS')), r.failures.join('; '));
  });

  test('behavior: a certificate expiring within tlsWarnDays is a failure, in days', async () => {
    const r = await runHttpCheck({ name: 'api', url: soonSrv.url, timeoutMs: 3000, tlsWarnDays: 14 });
    assert.equal(r.tlsExpiresAt, soon.notAfter.toISOString());
    assert.ok(r.failures.includes('TLS certificate expires in 4 days') || r.failures.includes('TLS certificate expires in 5 days'), r.failures.join('; '));
    assert.equal(r.ok, false);
    assert.match(httpCheckAlert(r)!.summary ?? '', /TLS certificate expires in [45] days/);
  });

  test('error: a certificate past its end date is reported as expired', async () => {
    const r = await runHttpCheck({ name: 'api', url: laterSrv.url, timeoutMs: 3000 }, manualClock(later.notAfter.getTime() + 86_400_000));
    assert.ok(r.failures.includes('TLS certificate has expired'), r.failures.join('; '));
  });
});
