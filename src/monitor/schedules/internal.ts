import type { Database, Selectable } from '../../storage/index.ts';
import type { MonitorDefinition, MonitorSpec } from './definition.ts';

export function toDefinition(r: Selectable<Database['monitor_definitions']>): MonitorDefinition {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as MonitorDefinition['kind'],
    intervalSec: Number(r.interval_sec),
    severity: r.severity as MonitorDefinition['severity'],
    enabled: Number(r.enabled) === 1,
    spec: JSON.parse(r.spec) as MonitorSpec,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastRunAt: r.last_run_at,
    lastStatus: r.last_status as MonitorDefinition['lastStatus'],
    lastError: r.last_error,
  };
}
