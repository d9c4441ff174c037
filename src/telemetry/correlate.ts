import { z } from 'zod';
import { queryEvents } from './query.ts';
import type { StoredEvent, TelemetryStore } from './store.ts';

export const CorrelateInput = z.object({
  userId: z.string().max(256).optional(),
  deviceId: z.string().max(256).optional(),
  addresses: z.array(z.string().max(256)).max(50).optional(),
  txHashes: z.array(z.string().max(256)).max(50).optional(),
  around: z.coerce.date(),
  windowMin: z.number().int().min(1).max(7 * 24 * 60).default(60),
  limit: z.number().int().min(1).max(2000).default(200),
});
export type CorrelateInput = z.input<typeof CorrelateInput>;

export interface TraceLink {
  traceId: string;
  /** API path listing every event of the trace in the window. */
  href: string;
  events: number;
  errors: number;
}

export interface Correlation {
  from: string;
  to: string;
  /** Errors first, then newest first. */
  events: StoredEvent[];
  errors: number;
  traces: TraceLink[];
}

/** A user's events around a time (by user, device, addresses, tx hashes), errors first, with links to their traces. */
export async function correlate(store: TelemetryStore, input: CorrelateInput, maxDays: number): Promise<Correlation> {
  const q = CorrelateInput.parse(input);
  const from = new Date(q.around.getTime() - q.windowMin * 60_000);
  const to = new Date(q.around.getTime() + q.windowMin * 60_000);
  const anyOf = {
    ...(q.userId ? { userId: [q.userId] } : {}),
    ...(q.deviceId ? { deviceId: [q.deviceId] } : {}),
    ...(q.addresses?.length ? { address: [...q.addresses, ...q.addresses.map((a) => a.toLowerCase())] } : {}),
    ...(q.txHashes?.length ? { txHash: [...q.txHashes, ...q.txHashes.map((h) => h.toLowerCase())] } : {}),
  };
  if (!Object.keys(anyOf).length) return { from: from.toISOString(), to: to.toISOString(), events: [], errors: 0, traces: [] };
  const events = await queryEvents(store, { from, to, anyOf, limit: q.limit, order: 'errors_first' }, maxDays);
  const byTrace = new Map<string, TraceLink>();
  for (const e of events) {
    if (!e.traceId) continue;
    let t = byTrace.get(e.traceId);
    if (!t) {
      const params = new URLSearchParams({ traceId: e.traceId, from: from.toISOString(), to: to.toISOString() });
      t = { traceId: e.traceId, href: `/api/telemetry/events?${params}`, events: 0, errors: 0 };
      byTrace.set(e.traceId, t);
    }
    t.events++;
    if (e.isError) t.errors++;
  }
  const traces = [...byTrace.values()].sort((a, b) => b.errors - a.errors || b.events - a.events);
  return { from: from.toISOString(), to: to.toISOString(), events, errors: events.filter((e) => e.isError).length, traces };
}
