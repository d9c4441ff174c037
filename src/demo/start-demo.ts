import { join } from 'node:path';
import type { Config, Logger } from '../core/index.ts';
import { startServer, type Runtime, type StartedServer } from '../main.ts';
import { demoConfig } from './demo-config.ts';
import { createDevnetClient } from './devnet-client.ts';
import { freePort, startDevnet, type Devnet } from './devnet.ts';
import { runScenarios } from './scenarios/run-scenarios.ts';
import type { ScenarioTx } from './scenarios/scenario.ts';
import { seedCommunity } from './seed/community.ts';
import { seedStatusPage } from './seed/status-page.ts';
import { seedBacklogTickets, startIncidentTickets } from './seed/tickets.ts';
import { seedDemoMonitors, startDemoTelemetry, type DemoTelemetry } from './telemetry/index.ts';
import { openDemoWorkspace } from './workspace.ts';

export interface DemoOptions {
  logger: Logger;
  /** Where the banner and progress lines go (stderr for `serve`). */
  announce: (line: string) => void;
  /** Delay from start to the injected latency incident, in ms (default: the generator's 3 minutes). */
  incidentAfterMs?: number;
  /** Time between two incident tickets, in ms. Default 20 s. */
  incidentTicketEveryMs?: number;
}

export interface RunningDemo {
  server: StartedServer;
  devnet: Devnet;
  /** Resolves when the scenarios, tickets, posts, status page, monitors and telemetry backfill are in. */
  seeded: Promise<{ txs: ScenarioTx[] }>;
  stop(): Promise<void>;
}

/**
 * `serve --demo`: the demo's own workspace, a hardhat devnet and the server started side by side, then
 * the generated day seeded in the background through the real intake, community ingest, status page,
 * monitors and OTLP telemetry, with the latency incident injected live.
 */
export async function startDemo(base: Config, options: DemoOptions): Promise<RunningDemo> {
  const ws = openDemoWorkspace({ dataDir: base.dataDir, sqliteFile: base.database.sqliteFile, databaseUrl: base.database.url });
  const port = await freePort();
  const config = demoConfig(base, { demoDir: ws.dir, devnetUrl: `http://127.0.0.1:${port}`, adminEmail: ws.marker.adminEmail, adminPassword: ws.marker.adminPassword });
  const devnetStarting = startDevnet({ dir: join(ws.dir, 'devnet'), port, blockTimeMs: 12_000 });
  let server: StartedServer;
  let devnet: Devnet;
  try {
    server = await startServer(config, { logger: options.logger, announce: () => undefined });
  } catch (err) {
    await (await devnetStarting.catch(() => undefined))?.stop();
    ws.update({ pid: null });
    throw err;
  }
  // The queue is what a newcomer looks at first: the tickets that quote no transaction go in while the devnet starts.
  const began = server.runtime.clock.nowMs();
  const everyday = ws.marker.seededAt ? Promise.resolve(0) : server.runtime.tickets().then((tickets) => seedBacklogTickets(tickets, { everyday: true }, server.runtime.clock));
  try {
    devnet = await devnetStarting;
  } catch (err) {
    await everyday.catch(() => undefined);
    await server.stop();
    ws.update({ pid: null });
    throw err;
  }
  for (const line of banner(ws.dir, ws.marker.adminEmail, ws.marker.adminPassword, devnet.url)) options.announce(line);
  const stops: Array<() => Promise<void> | void> = [];
  let stopping = false;
  const seeded = seed(server.runtime, devnet, ws, options, stops, () => stopping, { began, everyday });
  seeded.then(
    ({ txs }) => options.announce(`DEMO: ready — ${txs.length} devnet scenarios, tickets, community posts, status page and monitors are in.`),
    (err: unknown) => {
      if (stopping) return;
      options.logger.error({ err }, 'seeding the demo failed');
      options.announce(`DEMO: seeding failed: ${err instanceof Error ? err.message : String(err)}`);
    },
  );
  return {
    server,
    devnet,
    seeded,
    async stop() {
      stopping = true;
      for (const stop of stops.reverse()) await Promise.resolve(stop()).catch((err: unknown) => options.logger.error({ err }, 'error while stopping the demo'));
      await server.stop();
      await devnet.stop();
      ws.update({ pid: null });
    },
  };
}

async function seed(
  runtime: Runtime,
  devnet: Devnet,
  ws: ReturnType<typeof openDemoWorkspace>,
  options: DemoOptions,
  stops: Array<() => Promise<void> | void>,
  stopping: () => boolean,
  early: { began: number; everyday: Promise<number> },
): Promise<{ txs: ScenarioTx[] }> {
  const took = () => `${((runtime.clock.nowMs() - early.began) / 1000).toFixed(1)} s after the server started`;
  const ticketService = runtime.tickets();
  const { txs } = await runScenarios(createDevnetClient(devnet.url, devnet.chainId));
  if (!ws.marker.seededAt) {
    const count = (await early.everyday) + (await seedBacklogTickets(await ticketService, { scenarios: txs }, runtime.clock));
    options.announce(`DEMO: ${count} tickets in the queue (${took()}).`);
  }
  // The telemetry backfill (the detectors' baseline) starts once the queue is in: on a small laptop both at once slow the queue down.
  let running: DemoTelemetry | undefined;
  const telemetry: Promise<DemoTelemetry> = startDemoTelemetry(runtime, { ...(options.incidentAfterMs !== undefined ? { incidentAfterMs: options.incidentAfterMs } : {}) }).then((t) => (running = t));
  // A backfill still in flight is not waited for: closing the runtime ends it.
  stops.push(async () => void (await running?.stop()));
  if (!ws.marker.seededAt) {
    await seedDemoMonitors(runtime);
    await seedStatusPage(runtime);
    await seedCommunity(runtime);
    if (!stopping()) ws.update({ seededAt: runtime.clock.now().toISOString() });
  }
  const started = await telemetry;
  options.announce(`DEMO: telemetry backfilled (${started.backfill.events} events, ${took()}).`);
  if (started.incident && !stopping()) {
    const incident = started.incident;
    const timer = setTimeout(
      () => {
        void ticketService.then((tickets) => {
          if (stopping()) return;
          stops.push(startIncidentTickets(tickets, runtime.clock, { everyMs: options.incidentTicketEveryMs ?? 20_000, onError: (err) => options.logger.warn({ err }, 'a demo incident ticket was not stored') }));
        });
      },
      Math.max(0, incident.startMs + 15_000 - runtime.clock.nowMs()),
    );
    timer.unref();
    stops.push(() => clearTimeout(timer));
  }
  return { txs };
}

function banner(dir: string, email: string, password: string, devnetUrl: string): string[] {
  return [
    '',
    '==================================  DEMO DATA  ==================================',
    ' This is the OpsDesk demo: generated tickets, community posts, telemetry and a local',
    ` EVM devnet (hardhat, ${devnetUrl}). Nothing here is real and nothing leaves this machine.`,
    ` Demo data lives in ${dir} (loopback only); \`opsdesk demo reset\` deletes it.`,
    ` Sign in as ${email} with password ${password}`,
    ' A real workspace: stop this, then `npm start -- --no-demo` (or `opsdesk serve`) with an empty data dir.',
    '=================================================================================',
    '',
  ];
}
