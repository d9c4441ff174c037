import { z } from 'zod';
import { atLeast } from '../../auth/index.ts';
import { ValidationError } from '../../core/index.ts';
import {
  acknowledgeAlert,
  addChannel,
  addMonitor,
  getMonitor,
  listMonitors,
  removeMonitor,
  MonitorDefinitionInput,
  createSilence,
  detectSeries,
  errorBudgetReport,
  evaluateBurnRules,
  expireSilence,
  getAlert,
  listAlertEvents,
  listAlerts,
  listChannels,
  listSilences,
  parseSeriesCsv,
  parseSlo,
  parseTimestamp,
  CountIndex,
  raiseAlert,
  removeChannel,
  resolveAlert,
  ChannelInput,
  RaiseAlertInput,
  SilenceInput,
  Slo,
  type SeriesPoint,
} from '../../monitor/index.ts';
import type { HttpDeps } from '../deps.ts';
import { parseWith, readJson } from '../read-json.ts';
import { defineRoute, principalOf, type RouteDef } from '../route.ts';

const DetectBody = z.object({
  csv: z.string().max(20_000_000).optional(),
  points: z.array(z.object({ timestamp: z.string().min(1).max(64), value: z.number() })).max(500_000).optional(),
  metric: z.string().max(300).optional(),
  unit: z.string().max(20).optional(),
});

const SloBody = z.object({
  slo: Slo,
  points: z.array(z.object({ time: z.string().min(1).max(64), good: z.number().min(0), total: z.number().min(0) })).max(200_000),
  at: z.coerce.date().optional(),
});

const ResolveBody = z.object({ note: z.string().max(2000).optional() }).default({});

/** Alerts, silences, channels, and the detector and SLO maths as stateless calls. */
export function monitorRoutes(deps: HttpDeps): RouteDef[] {
  const { monitor } = deps;
  const read = { roles: atLeast('agent') } as const;
  const change = { roles: atLeast('engineer') } as const;
  const id = (c: { req: { param(name: string): string | undefined } }) => c.req.param('id') ?? '';
  return [
    defineRoute({
      method: 'GET',
      path: '/api/monitor/alerts',
      access: read,
      summary: 'Alerts, newest first; filter by status (firing, acknowledged, resolved, open), severity and source; page with before.',
      handler: async (c) => c.json(await listAlerts(monitor, c.req.query())),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/monitor/alerts/:id',
      access: read,
      summary: 'One alert and its history (fired, reopened, acknowledged, notified, resolved).',
      handler: async (c) => c.json({ alert: await getAlert(monitor, id(c)), events: await listAlertEvents(monitor, id(c)) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/monitor/alerts',
      access: change,
      summary: 'Report a condition: grouped by fingerprint, held by silences and flap suppression, routed to channels.',
      handler: async (c) => {
        const res = await raiseAlert(monitor, await readJson(c, RaiseAlertInput), principalOf(c).id);
        return c.json(res, res.action === 'created' ? 201 : 200);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/monitor/alerts/:id/acknowledge',
      access: change,
      summary: 'Acknowledge a firing alert (someone is on it).',
      handler: async (c) => c.json(await acknowledgeAlert(monitor, id(c), principalOf(c).id)),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/monitor/alerts/:id/resolve',
      access: change,
      summary: 'Resolve an open alert; its channels are told.',
      handler: async (c) => {
        const text = await c.req.text();
        const body = parseWith(ResolveBody, text.trim() ? JSON.parse(text) : {}, 'request body');
        return c.json(await resolveAlert(monitor, id(c), principalOf(c).id, body.note));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/monitor/silences',
      access: read,
      summary: 'Active and upcoming silences and maintenance windows (?all=1 includes expired ones).',
      handler: async (c) => c.json({ items: await listSilences(monitor, { includeExpired: c.req.query('all') === '1' }) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/monitor/silences',
      access: change,
      summary: 'Create a silence or a maintenance window over alerts matching labels (globs with *).',
      handler: async (c) => c.json(await createSilence(monitor, await readJson(c, SilenceInput), principalOf(c).id), 201),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/monitor/silences/:id',
      access: change,
      summary: 'End a silence now.',
      handler: async (c) => c.json(await expireSilence(monitor, id(c))),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/monitor/channels',
      access: change,
      summary: 'Notification channels (URL targets shown as their origin only).',
      handler: async (c) => c.json({ items: await listChannels(monitor) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/monitor/channels',
      access: change,
      summary: 'Add a webhook, Slack-compatible webhook, e-mail or incident channel (incident: options publish, components, severity, resolveIncident) with a severity floor and label matchers.',
      handler: async (c) => {
        const ch = await addChannel(monitor, await readJson(c, ChannelInput));
        return c.json({ ...ch, target: ch.kind === 'email' || ch.kind === 'incident' ? ch.target : `${new URL(ch.target).origin}/…` }, 201);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/monitor/channels/:id',
      access: change,
      summary: 'Delete a channel.',
      handler: async (c) => {
        await removeChannel(monitor, id(c));
        return c.body(null, 204);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/monitor/detect',
      access: read,
      summary: 'Run the anomaly detector over a series (CSV text or points) and get the rows a live monitor would alert on, explained.',
      handler: async (c) => {
        const body = await readJson(c, DetectBody);
        let points: SeriesPoint[];
        if (body.csv !== undefined) points = parseSeriesCsv(body.csv, 'csv');
        else
          points = (body.points ?? []).map((p, i) => {
            const timeMs = parseTimestamp(p.timestamp);
            if (!Number.isFinite(timeMs)) throw new ValidationError(`points[${i}].timestamp ${JSON.stringify(p.timestamp)} is not a timestamp.`, { metaMessages: ['Use ISO 8601, YYYY-MM-DD HH:MM:SS (UTC) or epoch seconds.'] });
            return { timestamp: p.timestamp, timeMs, value: p.value };
          });
        return c.json(detectSeries(points, { ...(body.metric ? { metric: body.metric } : {}), ...(body.unit ? { unit: body.unit } : {}) }));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/monitor/slo/evaluate',
      access: read,
      summary: 'Evaluate an SLO over (good, total) counts: each burn-rate rule (long and short window) and the error-budget report.',
      handler: async (c) => {
        const body = await readJson(c, SloBody);
        const slo = parseSlo(body.slo);
        const points = body.points.map((p) => ({ timeMs: Date.parse(p.time), good: p.good, total: p.total }));
        const atMs = body.at?.getTime() ?? (points.length ? Math.max(...points.map((p) => p.timeMs)) + 60_000 : deps.clock.nowMs());
        return c.json({ slo, at: new Date(atMs).toISOString(), rules: evaluateBurnRules(slo, new CountIndex(points), atMs), budget: errorBudgetReport(slo, points, atMs) });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/monitor/alerts/:id/tickets',
      access: read,
      summary: "Tickets created during an alert's window (labels.windowFrom, or its start, until it resolved or now): how many users wrote in meanwhile.",
      handler: async (c) => {
        const alert = await getAlert(monitor, id(c));
        const from = alert.labels.windowFrom ?? alert.startedAt;
        const to = alert.resolvedAt ?? deps.clock.now().toISOString();
        const tickets = await deps.tickets();
        const byCategory: Record<string, number> = {};
        const sample: string[] = [];
        let count = 0;
        let before: string | undefined;
        let pages = 0;
        // Ticket ids sort by creation time, newest first: page back until the window starts (at most 20 pages of 500).
        for (; pages < 20; pages++) {
          const page = await tickets.list({ limit: 500, ...(before ? { before } : {}) });
          for (const t of page.items) {
            if (t.createdAt < from || t.createdAt > to) continue;
            count++;
            byCategory[t.category] = (byCategory[t.category] ?? 0) + 1;
            if (sample.length < 20) sample.push(t.id);
          }
          const oldest = page.items.at(-1);
          if (!page.next || !oldest || oldest.createdAt < from) break;
          before = page.next;
        }
        return c.json({ alertId: alert.id, from, to, count, byCategory, sample, truncated: pages === 20 });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/monitor/monitors',
      access: read,
      summary: 'Stored monitors (series, slo, rpc, http, statuspage) with their interval and last run.',
      handler: async (c) => c.json({ items: await listMonitors(monitor) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/monitor/monitors/:id',
      access: read,
      summary: 'One stored monitor (by id or name) and its open alerts.',
      handler: async (c) => {
        const m = await getMonitor(monitor, id(c));
        const open = await listAlerts(monitor, { status: 'open', limit: 200 });
        return c.json({ monitor: m, openAlerts: open.items.filter((a) => a.labels.monitor === m.id) });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/monitor/monitors',
      access: change,
      summary: 'Store a monitor definition; the scheduler runs it every intervalSec on one replica.',
      handler: async (c) => c.json(await addMonitor(monitor, await readJson(c, MonitorDefinitionInput), principalOf(c).id), 201),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/monitor/monitors/:id',
      access: change,
      summary: 'Remove a stored monitor (by id or name); its open alerts stay until resolved.',
      handler: async (c) => c.json(await removeMonitor(monitor, id(c))),
    }),
  ];
}
