import { claimJobs, completeJob, enqueueJob, failJob } from '../storage/index.ts';
import { systemActor, type IncidentsDeps } from './deps.ts';
import type { Incident } from './incident.ts';
import { loadIncident } from './internal.ts';
import { postIncidentUpdate } from './post-update.ts';

const kind = 'incidents.maintenance';

interface MaintenanceJob {
  incidentId: string;
  phase: 'start' | 'end';
}

/** Queues the automatic start and end notices of a maintenance (stable job ids: queuing twice is a no-op). */
export async function queueMaintenanceNotices(deps: Pick<IncidentsDeps, 'store' | 'clock'>, incident: Pick<Incident, 'id' | 'scheduledFor' | 'scheduledUntil'>): Promise<void> {
  if (!incident.scheduledFor || !incident.scheduledUntil) return;
  await enqueueJob(deps.store, { id: `maintenance-start:${incident.id}`, kind, payload: { incidentId: incident.id, phase: 'start' } satisfies MaintenanceJob, runAt: new Date(incident.scheduledFor) }, deps.clock);
  await enqueueJob(deps.store, { id: `maintenance-end:${incident.id}`, kind, payload: { incidentId: incident.id, phase: 'end' } satisfies MaintenanceJob, runAt: new Date(incident.scheduledUntil) }, deps.clock);
}

/**
 * Posts the due maintenance start (`in_progress`) and end (`completed`) notices, notifying subscribers.
 * Jobs are claimed (SKIP LOCKED on PostgreSQL), so with several replicas each notice goes out once;
 * a maintenance someone already moved by hand is left alone.
 */
export async function runMaintenanceNotices(deps: IncidentsDeps, workerId: string): Promise<number> {
  const jobs = await claimJobs(deps.store, workerId, { kinds: [kind], limit: 10, leaseMs: 120_000 }, deps.clock);
  let posted = 0;
  for (const job of jobs) {
    const payload = job.payload as MaintenanceJob;
    try {
      const incident = await loadIncident(deps.store.db, payload.incidentId);
      const start = payload.phase === 'start' && incident.status === 'scheduled';
      const end = payload.phase === 'end' && ['scheduled', 'in_progress', 'verifying'].includes(incident.status);
      if (incident.kind === 'maintenance' && (start || end)) {
        await postIncidentUpdate(deps, incident.id, { status: start ? 'in_progress' : 'completed', replyToTickets: false }, systemActor);
        posted++;
      }
      await completeJob(deps.store, job.id, deps.clock);
    } catch (err) {
      deps.logger.warn({ err, jobId: job.id }, 'maintenance notice failed; will retry');
      await failJob(deps.store, job, err instanceof Error ? deps.redact(err.message) : 'failed', { maxAttempts: 5 }, deps.clock);
    }
  }
  return posted;
}
