import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './prometheus.ts';
import { tempDir } from './tmp.ts';

/** Debian's `clickhouse-server` package (18.16) installs the server here; `.ci/run` installs it. */
export const clickhouseBinary = process.env.OPSDESK_TEST_CLICKHOUSE ?? '/usr/sbin/clickhouse-server';

export interface RunningClickHouse {
  /** HTTP interface, e.g. http://127.0.0.1:41234 */
  url: string;
  user: string;
  password: string;
  database: string;
  pid: number;
  stop(): Promise<void>;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Starts a real ClickHouse server on 127.0.0.1 (free HTTP and TCP ports) with its own config, data,
 * tmp and log dirs in a temp dir, and a user with a password; resolves once it answers. `stop()`
 * ends it by PID and removes the temp dir. A missing binary is an error, not a skip. `extraConfig`
 * adds server config XML (e.g. a <remote_servers> cluster and <macros>).
 */
export async function startClickHouse(options: { extraConfig?: (ports: { tcpPort: number; user: string; password: string }) => string } = {}): Promise<RunningClickHouse> {
  if (!existsSync(clickhouseBinary)) {
    throw new Error(`ClickHouse server not found at ${clickhouseBinary}: install it with \`apt-get install -y clickhouse-server\` (.ci/run does) or set OPSDESK_TEST_CLICKHOUSE to the binary.`);
  }
  const tmp = tempDir('opsdesk-ch-');
  const dir = tmp.dir;
  for (const d of ['data', 'tmp', 'user_files', 'format_schemas', 'log']) mkdirSync(join(dir, d));
  const [httpPort, tcpPort] = [await freePort(), await freePort()];
  const user = 'opsdesk';
  const password = `pw-${process.pid}-${Date.now()}`;
  writeFileSync(
    join(dir, 'config.xml'),
    `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${join(dir, 'log/server.log')}</log><errorlog>${join(dir, 'log/error.log')}</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${httpPort}</http_port>
  <tcp_port>${tcpPort}</tcp_port>
  <path>${join(dir, 'data')}/</path>
  <tmp_path>${join(dir, 'tmp')}/</tmp_path>
  <user_files_path>${join(dir, 'user_files')}/</user_files_path>
  <format_schema_path>${join(dir, 'format_schemas')}/</format_schema_path>
  <users_config>${join(dir, 'users.xml')}</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>0</uncompressed_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
${options.extraConfig?.({ tcpPort, user, password }) ?? ''}
</yandex>
`,
  );
  writeFileSync(
    join(dir, 'users.xml'),
    `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage><max_threads>2</max_threads></default></profiles>
  <users>
    <${user}><password>${xmlEscape(password)}</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></${user}>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`,
  );
  const child: ChildProcess = spawn(clickhouseBinary, [`--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never outlive the test process, even if a suite's after hook does not get to run.
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
    tmp.remove();
  };
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const url = `http://127.0.0.1:${httpPort}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid && child.exitCode === null && child.signalCode === null && process.kill(child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    tmp.remove();
  };
  const auth = { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/?query=SELECT%201`, { headers: auth });
      if (res.ok) return { url, user, password, database: 'default', pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  let log = '';
  try {
    log = readFileSync(join(dir, 'log/error.log'), 'utf8').slice(-2000);
  } catch {
    // no log written
  }
  await stop();
  throw new Error(`ClickHouse did not become ready on ${url}: ${stderr} ${log}`);
}

/** Creates a fresh database on the server (one per test suite) and returns its name. */
export async function createDatabase(ch: RunningClickHouse, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const res = await fetch(`${ch.url}/`, { method: 'POST', body: `CREATE DATABASE IF NOT EXISTS ${name}`, headers: { authorization: `Basic ${Buffer.from(`${ch.user}:${ch.password}`).toString('base64')}` } });
  if (!res.ok) throw new Error(`CREATE DATABASE ${name} failed: ${await res.text()}`);
  return name;
}
