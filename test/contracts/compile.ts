import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CompiledContract {
  abi: readonly unknown[];
  bytecode: `0x${string}`;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Compiles test/contracts/<file> with solc-js (offline), cached by source and compiler hash in the OS temp dir. */
export function compileContracts(file = 'Fixtures.sol'): Record<string, CompiledContract> {
  const source = readFileSync(join(here, file), 'utf8');
  const solc = createRequire(import.meta.url)('solc') as { compile(input: string): string; version(): string };
  const key = createHash('sha256').update(source).update(solc.version()).digest('hex').slice(0, 16);
  const cacheDir = join(tmpdir(), 'opsdesk-solc-cache');
  const cache = join(cacheDir, `${file}.${key}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Record<string, CompiledContract>;
  const input = {
    language: 'Solidity',
    sources: { [file]: { content: source } },
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun', outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: Array<{ severity: string; formattedMessage: string }>;
    contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  const result: Record<string, CompiledContract> = {};
  for (const [name, c] of Object.entries(output.contracts[file] ?? {})) result[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cache, JSON.stringify(result));
  return result;
}
