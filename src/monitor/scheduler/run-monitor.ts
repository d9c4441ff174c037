import { MonitorRunTimeoutError } from '../errors.ts';
import type { MonitorDefinition } from '../schedules/definition.ts';
import type { SchedulerDeps } from './deps.ts';
import type { RunOutcome } from './outcome.ts';
import { runHttpMonitor, runRpcMonitor, runStatuspageMonitor } from './run-probes.ts';
import { runSeriesMonitor } from './run-series.ts';
import { runSloMonitor } from './run-slo.ts';

function dispatch(deps: SchedulerDeps, def: MonitorDefinition, nowMs: number): Promise<RunOutcome> {
  const spec = def.spec;
  switch (spec.kind) {
    case 'series':
      return runSeriesMonitor(deps, def, spec, nowMs);
    case 'slo':
      return runSloMonitor(deps, def, spec, nowMs);
    case 'rpc':
      return runRpcMonitor(deps, def, spec, nowMs);
    case 'http':
      return runHttpMonitor(deps, def, spec, nowMs);
    case 'statuspage':
      return runStatuspageMonitor(deps, def, spec);
  }
}

/** Runs one monitor once (at the clock's now), giving up after `timeoutMs`, and records the outcome on the definition. */
export async function runMonitor(deps: SchedulerDeps, def: MonitorDefinition, options: { timeoutMs?: number } = {}): Promise<RunOutcome> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const nowMs = deps.monitor.clock.nowMs();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MonitorRunTimeoutError(def.name, timeoutMs)), timeoutMs);
  });
  const at = new Date(nowMs).toISOString();
  try {
    const outcome = await Promise.race([dispatch(deps, def, nowMs), timeout]);
    await deps.monitor.store.db.updateTable('monitor_definitions').set({ last_run_at: at, last_status: outcome.status, last_error: null }).where('id', '=', def.id).execute();
    return outcome;
  } catch (err) {
    const message = (err instanceof Error ? err.message.split('\n')[0]! : String(err)).slice(0, 1000);
    await deps.monitor.store.db.updateTable('monitor_definitions').set({ last_run_at: at, last_status: 'failed', last_error: message }).where('id', '=', def.id).execute();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
