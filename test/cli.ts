import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const binPath = join(repoRoot, 'bin', 'opsdesk.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `opsdesk` binary in a child process. */
export function runOpsdesk(args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string | Buffer; cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...cleanEnv(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(options.input ?? '');
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  stderr(): string;
  /** Stops the server by PID (SIGTERM, then SIGKILL after 5 s). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `opsdesk serve --port 0` in a child process and waits for its URL. */
export function startServerProcess(args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; serveArgs?: readonly string[] } = {}): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args, 'serve', '--port', '0', ...(options.serveArgs ?? [])], { cwd: repoRoot, env: { ...cleanEnv(), ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      const m = stderr.match(/serving on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          pid: child.pid!,
          child,
          stderr: () => stderr,
          stop: (signal = 'SIGTERM') =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              const hard = setTimeout(() => child.kill('SIGKILL'), 5000);
              child.once('exit', () => {
                clearTimeout(hard);
                done();
              });
              process.kill(child.pid!, signal);
            }),
        });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${stderr}`));
    });
  });
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('OPSDESK_')) env[k] = v;
  env.OPSDESK_LOG_LEVEL = process.env.OPSDESK_LOG_LEVEL ?? 'silent';
  return env;
}
