import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const adminUrl = process.env.OPSDESK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
let started: Promise<void> | undefined;

/** Makes sure the local PostgreSQL answers, starting the cluster once if it is down. */
export function ensurePostgres(): Promise<void> {
  started ??= (async () => {
    if (await canConnect()) return;
    const versions = safeList('/etc/postgresql');
    if (!versions.length) throw new Error(`PostgreSQL is not running at ${adminUrl} and no cluster is installed (/etc/postgresql is empty). Install it or set OPSDESK_TEST_PG_URL.`);
    process.stderr.write(`[test] PostgreSQL is down; starting cluster ${versions[0]}/main\n`);
    try {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0]!, 'main', 'start'], { stdio: 'inherit' });
    } catch (err) {
      throw new Error(`PostgreSQL is not running at ${adminUrl} and could not be started: ${(err as Error).message}`);
    }
    for (let i = 0; i < 50; i++) {
      if (await canConnect()) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`PostgreSQL was started but does not answer at ${adminUrl}.`);
  })();
  return started;
}

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database for one test file; `drop()` removes it. */
export async function createTempDatabase(): Promise<TempDatabase> {
  await ensurePostgres();
  const name = `opsdesk_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function canConnect(): Promise<boolean> {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort().reverse();
  } catch {
    return [];
  }
}
