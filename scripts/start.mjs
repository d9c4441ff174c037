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
const child = spawn(process.execPath, ['dist/cli/entry.js', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
