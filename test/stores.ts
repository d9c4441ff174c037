import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type RelationalStore } from '../src/storage/index.ts';
import { createTempDatabase } from './postgres.ts';

export interface EngineHarness {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty store; `cleanup` closes and deletes it. */
  open(): Promise<{ store: RelationalStore; dataDir: string; cleanup(): Promise<void> }>;
}

/** The engines every storage-backed contract suite runs against. */
export const engines: readonly EngineHarness[] = [
  {
    name: 'sqlite',
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'opsdesk-sqlite-'));
      const store = await openStore({ dataDir });
      return {
        store,
        dataDir,
        async cleanup() {
          await store.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      const temp = await createTempDatabase();
      const dataDir = mkdtempSync(join(tmpdir(), 'opsdesk-pg-'));
      const store = await openStore({ dataDir, url: temp.url, poolSize: 4 });
      return {
        store,
        dataDir,
        async cleanup() {
          await store.close();
          await temp.drop();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];
