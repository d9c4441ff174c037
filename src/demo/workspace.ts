import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { demoDirOf } from './demo-config.ts';
import { DemoWorkspaceRefusedError } from './errors.ts';

const markerName = 'opsdesk-demo.json';

/** The marker that makes a folder demo data (and the only thing `demo reset` trusts). */
const Marker = z.object({
  kind: z.literal('opsdesk-demo'),
  createdAt: z.string(),
  adminEmail: z.string(),
  /** Random per demo workspace: the demo admin signs in with it; printed in the banner (demo data only). */
  adminPassword: z.string(),
  /** Set once tickets, posts and the status page are seeded; a demo that never got there is started afresh. */
  seededAt: z.string().nullable(),
  /** The process serving this demo, so `demo reset` does not pull the files from under it. */
  pid: z.number().int().nullable(),
});
export type DemoMarker = z.infer<typeof Marker>;

export interface DemoWorkspace {
  dir: string;
  marker: DemoMarker;
  /** True when this start created the demo data (or re-created an unfinished one). */
  fresh: boolean;
  update(change: Partial<Pick<DemoMarker, 'seededAt' | 'pid'>>): void;
}

export interface WorkspaceCheck {
  dataDir: string;
  /** SQLite file name of a real workspace (config database.sqliteFile). */
  sqliteFile: string;
  /** A PostgreSQL URL means a real workspace: the demo never writes there. */
  databaseUrl?: string | undefined;
}

function readMarker(dir: string): DemoMarker | undefined {
  const path = join(dir, markerName);
  if (!existsSync(path)) return undefined;
  const parsed = Marker.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

function writeMarker(dir: string, marker: DemoMarker): void {
  writeFileSync(join(dir, markerName), JSON.stringify(marker, null, 2) + '\n', { mode: 0o600 });
}

const isAlive = (pid: number | null): boolean => {
  if (pid === null || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function refuseRealWorkspace(check: WorkspaceCheck, action: string): void {
  if (check.databaseUrl) {
    throw new DemoWorkspaceRefusedError(`Refusing to ${action}: database.url points at PostgreSQL, which holds a real workspace.`, 'The demo only uses SQLite in its own folder: unset OPSDESK_DATABASE_URL (or database.url) for the demo.');
  }
  if (existsSync(join(check.dataDir, check.sqliteFile))) {
    throw new DemoWorkspaceRefusedError(
      `Refusing to ${action}: ${check.dataDir} holds a real workspace (${check.sqliteFile}).`,
      'Demo data is never mixed into a real workspace: give the demo an empty data dir, e.g. `opsdesk --data-dir ./demo-data serve --demo`.',
    );
  }
}

/** Opens (or creates) the demo's own folder `<dataDir>/demo`, refusing anything that looks like a real workspace. */
export function openDemoWorkspace(check: WorkspaceCheck, now: Date = new Date()): DemoWorkspace {
  refuseRealWorkspace(check, 'start the demo');
  const dir = demoDirOf(check.dataDir);
  let marker = existsSync(dir) ? readMarker(dir) : undefined;
  if (existsSync(dir) && !marker && readdirSync(dir).length > 0) {
    throw new DemoWorkspaceRefusedError(`Refusing to start the demo: ${dir} exists and is not demo data (no ${markerName}).`, 'Move that folder away, or give the demo another --data-dir.');
  }
  if (marker && isAlive(marker.pid)) {
    throw new DemoWorkspaceRefusedError(`The demo in ${dir} is already being served by process ${marker.pid}.`, 'Open that server in the browser, or stop it first.');
  }
  let fresh = false;
  if (!marker || !marker.seededAt) {
    // An unfinished demo (stopped while seeding) is thrown away: it is generated data.
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    marker = { kind: 'opsdesk-demo', createdAt: now.toISOString(), adminEmail: 'demo@opsdesk.local', adminPassword: `demo-${randomBytes(9).toString('base64url')}`, seededAt: null, pid: null };
    fresh = true;
  }
  const ws: DemoWorkspace = {
    dir,
    marker,
    fresh,
    update(change) {
      ws.marker = { ...ws.marker, ...change };
      writeMarker(dir, ws.marker);
    },
  };
  ws.update({ pid: process.pid });
  return ws;
}

/** Deletes the demo data under `<dataDir>/demo` and nothing else; refuses a folder without the demo marker. */
export function resetDemo(check: Pick<WorkspaceCheck, 'dataDir'>): { dir: string; removed: boolean } {
  const dir = demoDirOf(check.dataDir);
  if (!existsSync(dir)) return { dir, removed: false };
  const marker = readMarker(dir);
  if (!marker) throw new DemoWorkspaceRefusedError(`Refusing to reset: ${dir} is not demo data (no ${markerName}), so nothing was deleted.`, 'demo reset only deletes a folder the demo created.');
  if (isAlive(marker.pid)) throw new DemoWorkspaceRefusedError(`Refusing to reset: process ${marker.pid} is serving this demo.`, 'Stop that server (Ctrl-C) and run `opsdesk demo reset` again.');
  rmSync(dir, { recursive: true, force: true });
  return { dir, removed: true };
}
