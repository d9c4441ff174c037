import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createChainRegistry } from '../../chains/index.ts';
import { createMonitorDeps } from '../../monitor/index.ts';
import { Config, manualClock, type ManualClock } from '../../core/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import { createCommunityDeps, type CommunityDeps } from '../index.ts';

export const fixtureDir = join(import.meta.dirname, '../../../test/fixtures/community');
export const fixture = (name: string): string => readFileSync(join(fixtureDir, name), 'utf8');

export interface Feeds {
  url: string;
  /** Requests seen, as "METHOD path?query" with the conditional headers. */
  log: Array<{ path: string; ifNoneMatch: string | undefined; ifModifiedSince: string | undefined }>;
  close(): Promise<void>;
}

/** A local HTTP server on 127.0.0.1 answering with the handler; records every request. */
export async function serveFeeds(handler: (req: IncomingMessage, res: ServerResponse, path: string) => void): Promise<Feeds> {
  const log: Feeds['log'] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(req.url ?? '/');
    log.push({ path, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
    try {
      handler(req, res, path);
    } catch (err) {
      res.writeHead(500).end((err as Error).message);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, log, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Community deps over a test store with a manual clock, the brand "OpsDesk Wallet" and domain opsdeskwallet.com. */
export async function testDeps(store: RelationalStore, at = '2026-11-27T09:00:00Z', env: Record<string, string> = {}): Promise<CommunityDeps & { clock: ManualClock }> {
  const clock = manualClock(at);
  const config = Config.parse({ community: { brandNames: ['OpsDesk Wallet'], officialDomains: ['opsdeskwallet.com'], authorSecret: 'test-secret-0123456789abcdef' } });
  const deps = await createCommunityDeps({ store, clock, config, monitor: createMonitorDeps(store, clock, config), registry: createChainRegistry() });
  return { ...deps, clock, env };
}
