// `npm start`: builds what is stale, then serves OpsDesk with the embedded stores in ./data.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let m = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    m = Math.max(m, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return m;
}

const stale = !existsSync('dist/.stamp') || statSync('dist/.stamp').mtimeMs < newest('src');
if (stale) {
  console.error('opsdesk: building the server…');
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (existsSync('web/package.json') || existsSync('web/index.html')) {
  const webStale = !existsSync('web/dist/index.html') || statSync('web/dist/index.html').mtimeMs < newest('web/src');
  if (webStale) {
    console.error('opsdesk: building the console…');
    const r = spawnSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
// A newcomer's first run: with no workspace yet (no opsdesk.sqlite in the data dir, no config file, no
// PostgreSQL url) the demo starts, clearly labelled, in <data dir>/demo. `--no-demo` starts a real workspace.
const args = process.argv.slice(2).filter((a) => a !== '--no-demo');
const dataDir = process.env.OPSDESK_DATA_DIR || './data';
const realWorkspace = existsSync(join(dataDir, process.env.OPSDESK_DATABASE_SQLITE_FILE || 'opsdesk.sqlite')) || Boolean(process.env.OPSDESK_DATABASE_URL || process.env.OPSDESK_CONFIG) || existsSync('opsdesk.config.json');
if (!args.includes('--demo') && !process.argv.includes('--no-demo') && !realWorkspace) {
  args.push('--demo');
  console.error(`opsdesk: no workspace in ${dataDir} yet, so this is the DEMO (generated data, a local devnet).`);
  console.error('opsdesk: for a real workspace run `npm start -- --no-demo` (after that, `npm start` opens it); `npx opsdesk demo reset` deletes the demo data.');
}
const child = spawn(process.execPath, ['dist/cli/entry.js', 'serve', ...args], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
