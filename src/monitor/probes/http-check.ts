import { connect as tlsConnect } from 'node:tls';
import { z } from 'zod';
import { redactUrl, systemClock, type Clock } from '../../core/index.ts';
import type { RaiseAlertInput } from '../alerts/alert.ts';

export const HttpCheck = z.object({
  name: z.string().min(1).max(200),
  url: z.string().url(),
  method: z.enum(['GET', 'HEAD', 'POST']).default('GET'),
  expectStatus: z.array(z.number().int().min(100).max(599)).default([200]),
  /** The body must contain this text. */
  bodyContains: z.string().max(1000).optional(),
  /** The body must be JSON with this dotted path equal to this value, e.g. { "status.indicator": "none" }. */
  bodyJson: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  maxLatencyMs: z.number().int().positive().default(2000),
  timeoutMs: z.number().int().positive().default(10_000),
  /** For https: alert when the certificate expires within this many days. */
  tlsWarnDays: z.number().int().min(0).default(14),
});
export type HttpCheck = z.input<typeof HttpCheck>;

export interface HttpCheckResult {
  name: string;
  url: string;
  at: string;
  ok: boolean;
  status: number | null;
  latencyMs: number;
  tlsExpiresAt: string | null;
  failures: string[];
}

function pathValue(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
}

function certificateExpiry(url: URL, timeoutMs: number): Promise<Date | null> {
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: url.hostname, port: Number(url.port || 443), servername: url.hostname, rejectUnauthorized: false, timeout: timeoutMs }, () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      resolve(cert?.valid_to ? new Date(cert.valid_to) : null);
    });
    socket.on('error', () => resolve(null));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(null);
    });
  });
}

/** Runs one HTTP health check: status, latency, body conditions and (for https) certificate expiry. */
export async function runHttpCheck(input: HttpCheck, clock: Clock = systemClock): Promise<HttpCheckResult> {
  const check = HttpCheck.parse(input);
  const url = new URL(check.url);
  const at = clock.now().toISOString();
  const failures: string[] = [];
  const started = performance.now();
  let status: number | null = null;
  let body = '';
  try {
    const res = await fetch(url, { method: check.method, signal: AbortSignal.timeout(check.timeoutMs), headers: { 'user-agent': 'OpsDesk-Probe' } });
    status = res.status;
    body = check.method === 'HEAD' ? '' : await res.text();
  } catch (err) {
    failures.push(`no answer: ${(err as Error).message}`);
  }
  const latencyMs = Math.round(performance.now() - started);
  if (status !== null) {
    if (!check.expectStatus.includes(status)) failures.push(`status ${status}, expected ${check.expectStatus.join(' or ')}`);
    if (latencyMs > check.maxLatencyMs) failures.push(`answered in ${latencyMs} ms (over ${check.maxLatencyMs} ms)`);
    if (check.bodyContains !== undefined && !body.includes(check.bodyContains)) failures.push(`body does not contain ${JSON.stringify(check.bodyContains)}`);
    if (check.bodyJson) {
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      if (json === undefined) failures.push('body is not JSON');
      else
        for (const [path, want] of Object.entries(check.bodyJson)) {
          const got = pathValue(json, path);
          if (got !== want) failures.push(`${path} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
        }
    }
  }
  let tlsExpiresAt: string | null = null;
  if (url.protocol === 'https:') {
    const expiry = await certificateExpiry(url, check.timeoutMs);
    if (expiry) {
      tlsExpiresAt = expiry.toISOString();
      const days = (expiry.getTime() - clock.nowMs()) / 86_400_000;
      if (days < check.tlsWarnDays) failures.push(days < 0 ? 'TLS certificate has expired' : `TLS certificate expires in ${Math.floor(days)} days`);
    }
  }
  return { name: check.name, url: redactUrl(check.url), at, ok: failures.length === 0, status, latencyMs, tlsExpiresAt, failures };
}

/** The alert a failing check raises (one fingerprint per check), or null when it passed. */
export function httpCheckAlert(r: HttpCheckResult): RaiseAlertInput | null {
  if (r.ok) return null;
  return { source: 'probe', fingerprint: `probe.http:${r.name}`, severity: r.status === null || r.status >= 500 ? 'page' : 'warning', title: `${r.name}: ${r.failures[0]}`.slice(0, 300), summary: `${r.url}: ${r.failures.join('; ')}`, series: `http ${r.name}`, labels: { check: r.name, probe: 'http' }, at: r.at };
}
