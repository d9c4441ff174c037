import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './tmp.ts';

export interface EvmNode {
  url: string;
  pid: number;
  chainId: number;
  stop(): Promise<void>;
}

export interface EvmNodeOptions {
  chainId?: number;
  /** Interval mining in milliseconds (in addition to automine when both are on). */
  blockTimeMs?: number;
  /** Mine a block for every transaction (default true). */
  automine?: boolean;
}

/** The default hardhat accounts' private keys (mnemonic "test test … junk"), funded with 10000 ETH each. */
export const hardhatKeys = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
] as const;

const hardhatBin = createRequire(import.meta.url).resolve('hardhat/internal/cli/bootstrap.js');
// Hardhat refuses to run from outside the project that installed it (HH12), so it runs from there with --config.
const projectRoot = hardhatBin.slice(0, hardhatBin.lastIndexOf('/node_modules/'));

/**
 * Starts a local hardhat JSON-RPC node on 127.0.0.1 and a free port; `stop()` kills it by PID.
 * Failed transactions are mined and answered like a real node (no throw on eth_sendTransaction).
 */
export async function startEvmNode(options: EvmNodeOptions = {}): Promise<EvmNode> {
  const chainId = options.chainId ?? 31337;
  const tmp = tempDir('opsdesk-hardhat-');
  const config = join(tmp.dir, 'hardhat.config.cjs');
  const mining = { auto: options.automine ?? true, ...(options.blockTimeMs ? { interval: options.blockTimeMs } : {}) };
  writeFileSync(config, `module.exports = ${JSON.stringify({ networks: { hardhat: { chainId, mining, initialBaseFeePerGas: 1_000_000_000, throwOnTransactionFailures: false } } })};\n`);
  const port = await freePort();
  const child = spawn(process.execPath, [hardhatBin, '--config', config, 'node', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true', NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => void (output = (output + d.toString()).slice(-4000)));
  child.stderr.on('data', (d: Buffer) => void (output = (output + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(child.pid, 'SIGTERM');
      const killer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(killer);
    }
    tmp.remove();
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      tmp.remove();
      throw new Error(`hardhat node exited with ${child.exitCode}: ${output}`);
    }
    if (await answers(url)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`hardhat node did not answer at ${url} within 60 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  if (!child.pid) throw new Error('hardhat node has no pid');
  return { url, pid: child.pid, chainId, stop };
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}', signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
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
