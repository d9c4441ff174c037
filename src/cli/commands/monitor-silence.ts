import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { createSilence } from '../../monitor/index.ts';
import { action, addCommand } from '../define.ts';

function durationMs(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(m|h|d)$/.exec(text.trim());
  if (!m) throw new ValidationError(`--for must look like 30m, 2h or 1d, got ${JSON.stringify(text)}.`);
  return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'];
}

/** `opsdesk monitor silence --match chain=solana --for 2h --reason "validator upgrade" [--maintenance] [--start ISO]`. */
export function registerMonitorSilence(program: Command): void {
  addCommand(program, 'monitor silence', 'Hold notifications of matching alerts for a while (a silence, or a planned maintenance window).')
    .requiredOption('--match <key=value...>', 'label, source, severity, series or fingerprint to match (globs with *); repeatable')
    .requiredOption('--for <duration>', 'how long: 30m, 2h, 1d')
    .requiredOption('--reason <text>', 'why (shown on held alerts)')
    .option('--start <time>', 'start later (ISO 8601) — for a planned maintenance window')
    .option('--maintenance', 'record it as a maintenance window')
    .action(
      action(async (ctx, opts: { match: string[]; for: string; reason: string; start?: string; maintenance?: boolean }) => {
        const matchers: Record<string, string> = {};
        for (const m of opts.match) {
          const at = m.indexOf('=');
          if (at < 1) throw new ValidationError(`--match must be key=value, got ${JSON.stringify(m)}.`);
          matchers[m.slice(0, at)] = m.slice(at + 1);
        }
        const { monitor, clock } = await ctx.runtime();
        const start = opts.start ? new Date(opts.start) : clock.now();
        if (Number.isNaN(start.getTime())) throw new ValidationError(`--start is not a time: ${JSON.stringify(opts.start)}.`);
        const silence = await createSilence(
          monitor,
          { kind: opts.maintenance ? 'maintenance' : 'silence', matchers, startsAt: start, endsAt: new Date(start.getTime() + durationMs(opts.for)), reason: opts.reason },
          'cli',
        );
        ctx.print(silence, (s) => `${s.kind} ${s.id}: ${Object.entries(s.matchers).map(([k, v]) => `${k}=${v}`).join(' ')} from ${s.startsAt} to ${s.endsAt}`);
      }),
    );
}
