import type { Command } from 'commander';
import { ValidationError, type ConfigInput } from '../../core/index.ts';
import { parseDuration, startDemo } from '../../demo/index.ts';
import { startServer } from '../../main.ts';
import { createContext } from '../context.ts';
import { addCommand } from '../define.ts';

/** `opsdesk serve`: the HTTP API, OTLP receiver, status page and console. */
export function registerServe(program: Command): void {
  addCommand(program, 'serve', 'Run the OpsDesk server (API, console, status page, OTLP receiver).')
    .option('--port <port>', 'TCP port (default 8080)')
    .option('--host <host>', 'interface to bind (default 127.0.0.1)')
    .option('--demo', 'serve the demo workspace (generated data and a local devnet in <data dir>/demo; see docs/demo.md)')
    .option('--demo-incident-after <duration>', 'with --demo: when the latency incident starts, e.g. 20s or 3m (default 3m)')
    .action(async (opts: { port?: string; host?: string; demo?: boolean; demoIncidentAfter?: string }, command: Command) => {
      let root = command;
      while (root.parent) root = root.parent;
      const server: NonNullable<ConfigInput['server']> = {};
      if (opts.port !== undefined) {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ValidationError(`--port must be a whole number from 0 to 65535, got ${JSON.stringify(opts.port)}.`);
        server.port = port;
      }
      if (opts.host) server.host = opts.host;
      if (opts.demoIncidentAfter !== undefined && !opts.demo) throw new ValidationError('--demo-incident-after only applies with --demo.');
      if (opts.demo && opts.host && !['127.0.0.1', 'localhost', '::1'].includes(opts.host)) throw new ValidationError('The demo binds 127.0.0.1 only (its admin password is printed in the banner); drop --host.');
      const ctx = createContext(root, Object.keys(server).length ? { server } : {});
      const announce = (line: string) => ctx.stderr(line + '\n');
      const started = opts.demo
        ? await startDemo(ctx.config(), { logger: ctx.logger(), announce, ...(opts.demoIncidentAfter !== undefined ? { incidentAfterMs: parseDuration(opts.demoIncidentAfter, '--demo-incident-after') } : {}) }).then((demo) => ({ ...demo.server, stop: demo.stop }))
        : await startServer(ctx.config(), { logger: ctx.logger(), announce });
      ctx.stderr(`OpsDesk is serving on ${started.url} (store: ${started.runtime.store.describe})\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          ctx.stderr(`${signal}: shutting down\n`);
          started.stop().finally(resolve);
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
    });
}
