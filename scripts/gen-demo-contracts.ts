// Compiles src/demo/contracts/Demo.sol with solc-js (offline) and writes src/demo/contracts/artifacts.ts,
// so `serve --demo` deploys without a compiler. src/demo/tests/contracts.test.ts checks the two match.
// Run: npx tsx scripts/gen-demo-contracts.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const contractsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'demo', 'contracts');
export const artifactsPath = join(contractsDir, 'artifacts.ts');

/** Compiles Demo.sol; returns the artifacts module's source text. */
export function renderDemoArtifacts(): string {
  const source = readFileSync(join(contractsDir, 'Demo.sol'), 'utf8');
  const solc = createRequire(import.meta.url)('solc') as { compile(input: string): string; version(): string };
  const input = {
    language: 'Solidity',
    sources: { 'Demo.sol': { content: source } },
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun', metadata: { bytecodeHash: 'none' }, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: Array<{ severity: string; formattedMessage: string }>;
    contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  const lines = [
    '// Generated from Demo.sol by `npx tsx scripts/gen-demo-contracts.ts`; do not edit by hand.',
    `// Compiler: solc ${solc.version()} (optimizer 200 runs, evm cancun, no metadata hash).`,
    '',
  ];
  for (const [name, c] of Object.entries(output.contracts['Demo.sol'] ?? {})) {
    lines.push(`export const ${name[0]!.toLowerCase()}${name.slice(1)} = {`, `  abi: ${JSON.stringify(c.abi)},`, `  bytecode: '0x${c.evm.bytecode.object}',`, '} as const;', '');
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(artifactsPath, renderDemoArtifacts());
  console.log(`wrote ${artifactsPath}`);
}
