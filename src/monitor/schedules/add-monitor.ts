import { newId } from '../../core/index.ts';
import type { Actor, MonitorDeps } from '../alerts/alert.ts';
import { parseWith } from '../alerts/parse.ts';
import { MonitorNameTakenError } from '../errors.ts';
import { parseSlo } from '../slo/burn-rate.ts';
import { MonitorDefinitionInput, type MonitorDefinition } from './definition.ts';
import { toDefinition } from './internal.ts';

/** Stores a monitor definition; the scheduler picks it up at its next tick. */
export async function addMonitor(deps: MonitorDeps, input: MonitorDefinitionInput, actor: Actor = null): Promise<MonitorDefinition> {
  const spec = parseWith(MonitorDefinitionInput, input, 'monitor');
  if (spec.kind === 'slo') parseSlo(spec.slo);
  const at = deps.clock.now().toISOString();
  const taken = await deps.store.db.selectFrom('monitor_definitions').select('id').where('name', '=', spec.name).executeTakeFirst();
  if (taken) throw new MonitorNameTakenError(spec.name, taken.id);
  const row = {
    id: newId('mon', deps.clock.nowMs()),
    name: spec.name,
    kind: spec.kind,
    spec: JSON.stringify(spec),
    interval_sec: spec.intervalSec,
    severity: spec.severity,
    enabled: spec.enabled ? 1 : 0,
    created_by: actor,
    created_at: at,
    updated_at: at,
    last_run_at: null,
    last_status: null,
    last_error: null,
  };
  try {
    await deps.store.db.insertInto('monitor_definitions').values(row).execute();
  } catch (err) {
    const winner = await deps.store.db.selectFrom('monitor_definitions').select('id').where('name', '=', spec.name).executeTakeFirst();
    if (winner) throw new MonitorNameTakenError(spec.name, winner.id);
    throw err;
  }
  return toDefinition(row);
}
