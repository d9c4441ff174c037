// Compiles src/ to dist/ and stamps the build so bin/opsdesk.js knows dist/ is current.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const started = Date.now();
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (r.status !== 0) {
  console.error('opsdesk build: TypeScript compilation failed (see above).');
  process.exit(r.status ?? 1);
}
mkdirSync('dist', { recursive: true });
writeFileSync('dist/.stamp', new Date(started).toISOString() + '\n');
