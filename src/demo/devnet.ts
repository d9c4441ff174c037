import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DemoDevnetFailedError, DemoNeedsHardhatError } from './errors.ts';

export interface Devnet {
  url: string;
  pid: number;
  chainId: number;
  /** Kills the node by PID (SIGTERM, SIGKILL after 3 s). */
  stop(): Promise<void>;
}

export interface DevnetOptions {
  /** Folder for the generated hardhat config (the chain itself lives in memory). */
  dir: string;
  chainId?: number;
  /** Port on 127.0.0.1; a free one when absent. */
  port?: number;
  /** Interval mining in milliseconds, in addition to automine. */
  blockTimeMs?: number;
  /** Mine a block for every transaction (default true). */
  automine?: boolean;
  startTimeoutMs?: number;
  /** Finds hardhat's bootstrap script (default: resolved from this package's node_modules). */
  resolveHardhat?: () => string;
}

// The child exits when its stdin closes, i.e. when this process dies in any way (even SIGKILL), so no devnet outlives it.
const exitWithParent = 'data:text/javascript,process.stdin.on("end",()=>process.exit(0));process.stdin.on("error",()=>process.exit(0));process.stdin.resume();';

const resolveHardhat = () => createRequire(import.meta.url).resolve('hardhat/internal/cli/bootstrap.js');

function hardhatBootstrap(resolve: () => string): { bin: string; projectRoot: string } {
  let bin: string;
  try {
    bin = resolve();
  } catch (err) {
    throw new DemoNeedsHardhatError(err);
  }
  // Hardhat refuses to run from outside the project that installed it (HH12), so it runs from there with --config.
  return { bin, projectRoot: bin.slice(0, bin.lastIndexOf('/node_modules/')) };
}

/**
 * Starts a hardhat 2 JSON-RPC node on 127.0.0.1 (never another interface). Failed transactions are mined
 * and answered like a real node. The node is killed by PID on stop(), on this process's exit, and exits by
 * itself when this process dies.
 */
export async function startDevnet(options: DevnetOptions): Promise<Devnet> {
  const { bin, projectRoot } = hardhatBootstrap(options.resolveHardhat ?? resolveHardhat);
  const chainId = options.chainId ?? 31337;
  mkdirSync(options.dir, { recursive: true });
  const config = join(options.dir, 'hardhat.config.cjs');
  const mining = { auto: options.automine ?? true, ...(options.blockTimeMs ? { interval: options.blockTimeMs } : {}) };
  writeFileSync(config, `module.exports = ${JSON.stringify({ networks: { hardhat: { chainId, mining, initialBaseFeePerGas: 1_000_000_000, throwOnTransactionFailures: false } } })};\n`);
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', exitWithParent, bin, '--config', config, 'node', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true', NO_COLOR: '1' },
  });
  let output = '';
  const keep = (d: Buffer) => void (output = (output + d.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const killOnExit = () => void (alive() && child.pid && process.kill(child.pid, 'SIGKILL'));
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (alive() && child.pid) {
      process.kill(child.pid, 'SIGTERM');
      const killer = setTimeout(() => alive() && child.pid && process.kill(child.pid, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(killer);
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (!alive()) {
      await stop();
      throw new DemoDevnetFailedError(`The hardhat devnet exited with ${child.exitCode ?? child.signalCode} while starting.`, output);
    }
    if (await answers(url, chainId)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new DemoDevnetFailedError(`The hardhat devnet did not answer at ${url} in time.`, output);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  if (!child.pid) throw new DemoDevnetFailedError('The hardhat devnet has no process id.', output);
  return { url, pid: child.pid, chainId, stop };
}

async function answers(url: string, chainId: number): Promise<boolean> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}', signal: AbortSignal.timeout(1000) });
    if (!res.ok) return false;
    const body = (await res.json()) as { result?: string };
    return body.result !== undefined && Number(body.result) === chainId;
  } catch {
    return false;
  }
}

/** A free TCP port on 127.0.0.1 (the devnet's port is chosen before the server starts, so both start at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
