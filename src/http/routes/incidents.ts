import type { Context } from 'hono';
import { z } from 'zod';
import { atLeast, writeAudit } from '../../auth/index.ts';
import { ValidationError } from '../../core/index.ts';
import {
  AddComponentInput,
  AddWebhookInput,
  AlertLike,
  ComponentStatus,
  DeclareIncidentInput,
  EditIncidentInput,
  IncidentRole,
  LinkItemsInput,
  type ListIncidentsFilter,
  PostUpdateInput,
  ProviderMessageInput,
  ScheduleMaintenanceInput,
  Severity,
  AffectedCell,
  type Actor,
} from '../../incidents/index.ts';
import type { HttpDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { parseWith, readJson } from '../read-json.ts';
import { defineRoute, principalOf, type RouteDef } from '../route.ts';

const read = { roles: atLeast('agent') } as const;
/** Reading incidents and components: any staff role, viewers included (no customer messages are in them). */
const look = { roles: atLeast('viewer') } as const;
const change = { roles: atLeast('engineer') } as const;

const FromAlertBody = z.strictObject({ alertId: z.string().min(1).max(200).optional(), alert: AlertLike.optional(), severity: Severity.optional(), title: z.string().trim().min(3).max(200).optional(), affected: z.array(AffectedCell).max(500).optional() });
const SeverityBody = z.strictObject({ severity: Severity });
const RoleBody = z.strictObject({ role: IncidentRole, assignee: z.string().min(1).max(200).nullable() });
const LinksBody = z.strictObject({ links: LinkItemsInput });
const NoteBody = z.strictObject({ text: z.string().min(1).max(10_000) });
const ResolveBody = z.strictObject({
  text: z.strictObject({ en: z.string().optional(), es: z.string().optional(), 'pt-BR': z.string().optional() }).optional(),
  notify: z.boolean().optional(),
  replyToTickets: z.boolean().optional(),
  errorRatio: z.number().min(0).max(1).optional(),
  usersAffected: z.number().int().nonnegative().optional(),
});
const PostmortemBody = z.strictObject({ markdown: z.string().min(1).max(200_000) });
const ComponentStatusBody = z.strictObject({ status: ComponentStatus });
const ListQuery = z.object({
  kind: z.enum(['incident', 'maintenance']).optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  severity: Severity.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(200).optional(),
});

function actorOf(c: Context<AppEnv>): Actor {
  const p = principalOf(c);
  return { id: p.userId ?? p.id, name: p.name };
}

/** Admin routes of incidents, maintenances, status page components and subscribers. */
export function incidentsRoutes(deps: HttpDeps): RouteDef[] {
  const svc = deps.incidents;
  const { db } = deps.store;
  const audit = (c: Context<AppEnv>, action: string, targetType: string, targetId: string, detail?: Record<string, unknown>) =>
    writeAudit(db, principalOf(c), { action, targetType, targetId, requestId: c.get('requestId'), ...(detail ? { detail } : {}) }, deps.clock);
  const id = (c: Context<AppEnv>) => c.req.param('id') ?? '';
  return [
    defineRoute({
      method: 'GET',
      path: '/api/incidents',
      access: look,
      summary: 'List incidents and maintenances, newest first (filters: kind, open, severity, limit, cursor).',
      handler: async (c) => {
        const q = parseWith(ListQuery, c.req.query(), 'query');
        const filter: ListIncidentsFilter = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
        return c.json(await svc.list(filter));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents',
      access: change,
      summary: 'Declare an incident (from an alert, cluster or signal id, or by hand).',
      handler: async (c) => {
        const body = await readJson(c, DeclareIncidentInput);
        const incident = await svc.declare(body, actorOf(c));
        await audit(c, 'incident.declare', 'incident', incident.id, { severity: incident.severity, source: incident.source.type });
        return c.json(incident, 201);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents/from-alert',
      access: change,
      summary: 'Declare an incident from a monitor alert ({ alertId } or an alert record; title, severity and start from the alert; the alert is linked).',
      handler: async (c) => {
        const body = await readJson(c, FromAlertBody);
        const overrides = { ...(body.severity ? { severity: body.severity } : {}), ...(body.title ? { title: body.title } : {}), ...(body.affected ? { affected: body.affected } : {}) };
        if (!body.alertId === !body.alert) throw new ValidationError('Send either alertId (an alert stored by the monitor) or alert (an alert record), not both.');
        const incident = body.alertId ? await svc.declareFromStoredAlert(body.alertId, actorOf(c), overrides) : await svc.declareFromAlert(body.alert!, actorOf(c), overrides);
        await audit(c, 'incident.declare', 'incident', incident.id, { severity: incident.severity, source: 'alert' });
        return c.json(incident, 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/:id',
      access: look,
      summary: 'An incident with links, updates, components, provider log and timeline.',
      handler: async (c) => c.json(await svc.get(id(c))),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/incidents/:id',
      access: change,
      summary: 'Edit title, internal summary, affected matrix, workaround, next update time, users affected, error ratio.',
      handler: async (c) => {
        const body = await readJson(c, EditIncidentInput);
        const incident = await svc.edit(id(c), body, actorOf(c));
        await audit(c, 'incident.edit', 'incident', incident.id, { fields: Object.keys(body) });
        return c.json(incident);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/:id/timeline',
      access: look,
      summary: 'The incident timeline, oldest first.',
      handler: async (c) => c.json({ items: await svc.timeline(id(c)) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents/:id/severity',
      access: change,
      summary: 'Change the severity (SEV1–SEV4).',
      handler: async (c) => {
        const body = await readJson(c, SeverityBody);
        const incident = await svc.changeSeverity(id(c), body.severity, actorOf(c));
        await audit(c, 'incident.severity', 'incident', incident.id, { severity: body.severity });
        return c.json(incident);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents/:id/roles',
      access: change,
      summary: 'Assign or clear an incident role (commander, comms, scribe).',
      handler: async (c) => {
        const body = await readJson(c, RoleBody);
        const incident = await svc.assignRole(id(c), body.role, body.assignee, actorOf(c));
        await audit(c, 'incident.role', 'incident', incident.id, { role: body.role });
        return c.json(incident);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents/:id/links',
      access: change,
      summary: 'Link alerts, tickets, clusters or signals to the incident.',
      handler: async (c) => {
        const body = await readJson(c, LinksBody);
        const res = await svc.link(id(c), body.links, actorOf(c));
        await audit(c, 'incident.link', 'incident', id(c), { added: res.added });
        return c.json(res);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents/:id/notes',
      access: read,
      summary: 'Add an internal note to the timeline (agents may add notes; never published).',
      handler: async (c) => {
        const body = await readJson(c, NoteBody);
        await svc.addNote(id(c), body.text, actorOf(c));
        return c.body(null, 204);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/:id/providers',
      access: look,
      summary: 'The provider coordination log, by provider.',
      handler: async (c) => c.json(await svc.providerLog(id(c))),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents/:id/providers',
      access: change,
      summary: 'Log what was reported to a provider, their reference, a reply or a status page change.',
      handler: async (c) => {
        const body = await readJson(c, ProviderMessageInput);
        const entry = await svc.logProvider(id(c), body, actorOf(c));
        await audit(c, 'incident.provider', 'incident', id(c), { provider: entry.provider, direction: entry.direction });
        return c.json(entry, 201);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents/:id/updates',
      access: change,
      summary: 'Post a public update: status page, subscribers and linked tickets in one action.',
      handler: async (c) => {
        const body = await readJson(c, PostUpdateInput);
        const res = await svc.postUpdate(id(c), body, actorOf(c));
        await audit(c, 'incident.update', 'incident', id(c), { status: res.update.status, updateId: res.update.id });
        return c.json(res, 201);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/incidents/:id/resolve',
      access: change,
      summary: 'Resolve (or complete a maintenance) with a final public update.',
      handler: async (c) => {
        const body = await readJson(c, ResolveBody);
        const input = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
        const res = await svc.resolve(id(c), input, actorOf(c));
        await audit(c, 'incident.resolve', 'incident', id(c), { updateId: res.update.id });
        return c.json(res);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/incidents/:id/postmortem',
      access: look,
      summary: 'The saved postmortem, or a generated draft (?draft=1 always regenerates). Markdown.',
      handler: async (c) => {
        const saved = c.req.query('draft') ? null : (await svc.get(id(c))).incident.postmortem;
        return c.body(saved ?? (await svc.draftPostmortem(id(c))), 200, { 'content-type': 'text/markdown; charset=utf-8' });
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/incidents/:id/postmortem',
      access: change,
      summary: 'Save the team’s edited postmortem Markdown.',
      handler: async (c) => {
        const body = await readJson(c, PostmortemBody);
        await svc.savePostmortem(id(c), body.markdown, actorOf(c));
        await audit(c, 'incident.postmortem', 'incident', id(c));
        return c.body(null, 204);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/maintenances',
      access: change,
      summary: 'Schedule a maintenance window and publish its notice.',
      handler: async (c) => {
        const body = await readJson(c, ScheduleMaintenanceInput);
        const res = await svc.scheduleMaintenance(body, actorOf(c));
        await audit(c, 'maintenance.schedule', 'incident', res.incident.id);
        return c.json(res, 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/status/components',
      access: look,
      summary: 'Status page components, in display order.',
      handler: async (c) => c.json({ items: await svc.listComponents() }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/status/components',
      access: change,
      summary: 'Add a status page component or group.',
      handler: async (c) => {
        const body = await readJson(c, AddComponentInput);
        const component = await svc.addComponent(body);
        await audit(c, 'status.component.add', 'status_component', component.id);
        return c.json(component, 201);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/status/components/:id/status',
      access: change,
      summary: 'Set a component’s status outside an incident.',
      handler: async (c) => {
        const body = await readJson(c, ComponentStatusBody);
        const component = await svc.setComponentStatus(id(c), body.status, actorOf(c));
        await audit(c, 'status.component.status', 'status_component', component.id, { status: body.status });
        return c.json(component);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/status/providers/:provider/summary',
      access: change,
      summary: 'Mirror a provider’s Statuspage summary.json into third-party components.',
      handler: async (c) => {
        const body = await readJson(c, z.unknown());
        return c.json(await svc.mirrorProviderSummary(c.req.param('provider') ?? '', body));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/status/subscribers',
      access: change,
      summary: 'Status page subscribers (e-mail addresses are personal data: engineers only).',
      handler: async (c) => c.json({ items: await svc.listSubscribers({ limit: Math.min(Number(c.req.query('limit') ?? 100) || 100, 1000) }) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/status/webhooks',
      access: change,
      summary: 'Add a webhook subscriber; the signing key is in this answer only.',
      handler: async (c) => {
        const body = await readJson(c, AddWebhookInput);
        const res = await svc.addWebhookSubscriber(body);
        await audit(c, 'status.webhook.add', 'status_subscriber', res.subscriber.id);
        return c.json(res, 201);
      },
    }),
  ];
}
