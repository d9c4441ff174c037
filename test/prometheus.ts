import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './tmp.ts';

export const prometheusBinary = process.env.OPSDESK_TEST_PROMETHEUS ?? '/usr/bin/prometheus';

/** Whether a Prometheus binary is installed (Debian: `apt-get install -y prometheus`). */
export function hasPrometheus(): boolean {
  return existsSync(prometheusBinary);
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface ScrapeTarget {
  /** host:port of the target. */
  target: string;
  metricsPath?: string;
  bearerToken?: string;
}

export interface RunningPrometheus {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a real Prometheus on 127.0.0.1 with a temp config and data dir, scraping `scrape` every
 * second; resolves once it is ready. `stop()` ends it by PID and removes the temp dir.
 */
export async function startPrometheus(scrape: ScrapeTarget, options: { port?: number } = {}): Promise<RunningPrometheus> {
  const tmp = tempDir('opsdesk-prom-');
  const port = options.port ?? (await freePort());
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    '  - job_name: opsdesk',
    `    metrics_path: ${scrape.metricsPath ?? '/metrics'}`,
    ...(scrape.bearerToken ? ['    authorization:', '      type: Bearer', `      credentials: ${JSON.stringify(scrape.bearerToken)}`] : []),
    '    static_configs:',
    `      - targets: [${JSON.stringify(scrape.target)}]`,
    '',
  ].join('\n');
  const file = join(tmp.dir, 'prometheus.yml');
  writeFileSync(file, config);
  const child: ChildProcess = spawn(prometheusBinary, [`--config.file=${file}`, `--storage.tsdb.path=${join(tmp.dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    tmp.remove();
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`Prometheus did not become ready on ${url}: ${stderr}`);
}

/** Polls an instant query until it returns at least one series with a value matching `accept`. */
export async function waitForSeries(url: string, promql: string, accept: (value: number) => boolean = () => true, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await res.json()) as { data?: { result?: { value: [number, string] }[] } };
    if (body.data?.result?.some((r) => accept(Number(r.value[1])))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Prometheus at ${url} never returned ${promql}`);
}
