import type { Context } from 'hono';
import { z } from 'zod';
import { atLeast } from '../../auth/index.ts';
import {
  Category,
  ChatWebhookBody,
  CreateTicketBody,
  decodeUtf8,
  fromApiBody,
  fromChatWebhook,
  fromEmailWebhook,
  fromRawEmail,
  orderResult,
  parseJsonText,
  parseTriageInput,
  Severity,
  TicketInputInvalidError,
  type IngestResult,
} from '../../tickets/index.ts';
import type { HttpDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { parseWith } from '../read-json.ts';
import { defineRoute, principalOf, type RouteDef } from '../route.ts';

const CorrectionBody = z.object({ category: Category.optional(), severity: Severity.optional() });

async function bodyText(c: Context<AppEnv>, what: string): Promise<string> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (!bytes.byteLength) throw new TicketInputInvalidError(`${what} is empty`);
  return decodeUtf8(bytes, what);
}

async function jsonBody(c: Context<AppEnv>, what = 'the request body'): Promise<unknown> {
  return parseJsonText(await bodyText(c, what), what);
}

function answer(c: Context<AppEnv>, res: IngestResult): Response {
  const triage = res.triage ? orderResult(res.triage) : null;
  return c.json({ ticketId: res.ticketId, created: res.created, messagesAdded: res.messagesAdded, triage }, res.created ? 201 : 200);
}

function clientIp(c: Context<AppEnv>): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/** Ticket intake (API, e-mail and chat webhooks), reading, triage corrections and ad-hoc triage. */
export function ticketRoutes(deps: HttpDeps): RouteDef[] {
  const agent = { roles: atLeast('agent') } as const;
  // Help desk, e-mail and chat webhooks are machine-to-machine: the push-only ingest role may create, never read.
  const intake = { roles: [...atLeast('agent'), 'ingest'] } as const;
  return [
    defineRoute({
      method: 'POST',
      path: '/api/tickets',
      access: intake,
      summary: 'Create a ticket from JSON ({ externalId?, requester?, subject?, body|text, channel?, platform?, appVersion?, locale?, tier? }); idempotent on externalId.',
      handler: async (c) => {
        const body = parseWith(CreateTicketBody, await jsonBody(c), 'ticket');
        return answer(c, await (await deps.tickets()).ingest(fromApiBody(body)));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/tickets/inbound/email',
      access: intake,
      summary: 'Inbound e-mail webhook: raw RFC 822 (message/rfc822), or Postmark / Mailgun / SendGrid JSON or form fields; idempotent on Message-ID.',
      handler: async (c) => {
        const type = (c.req.header('content-type') ?? '').toLowerCase();
        if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
          const form = await c.req.parseBody({ all: false });
          const fields: Record<string, unknown> = {};
          const files: Array<{ filename?: string; contentType?: string; content: Uint8Array }> = [];
          for (const [key, value] of Object.entries(form)) {
            if (typeof value === 'string') fields[key] = value;
            else if (value && typeof value === 'object' && 'arrayBuffer' in value) {
              const file = value as File;
              files.push({ filename: file.name, contentType: file.type, content: new Uint8Array(await file.arrayBuffer()) });
            }
          }
          for (const f of files) if (f.filename === undefined) delete f.filename;
          return answer(c, await (await deps.tickets()).ingest(await fromEmailWebhook(fields, files)));
        }
        if (type.startsWith('application/json')) {
          const value = await jsonBody(c, 'the e-mail webhook body');
          if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TicketInputInvalidError('the e-mail webhook body is not a JSON object');
          return answer(c, await (await deps.tickets()).ingest(await fromEmailWebhook(value as Record<string, unknown>)));
        }
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        return answer(c, await (await deps.tickets()).ingest(await fromRawEmail(bytes)));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/tickets/inbound/chat',
      access: intake,
      summary: 'Chat webhook: one message of a conversation ({ conversationId, messageId, text, from: { email|handle|id, name } }); the conversation is the ticket.',
      handler: async (c) => {
        const body = parseWith(ChatWebhookBody, await jsonBody(c), 'chat message');
        return answer(c, await (await deps.tickets()).ingest(fromChatWebhook(body)));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/tickets',
      access: agent,
      summary: 'List tickets, newest first (filters: status, category, priority; pagination: before, limit).',
      handler: async (c) => {
        const q = c.req.query();
        const filter = {
          ...(q.status ? { status: q.status } : {}),
          ...(q.category ? { category: q.category } : {}),
          ...(q.priority ? { priority: q.priority } : {}),
          ...(q.before ? { before: q.before } : {}),
          limit: Math.min(Number(q.limit ?? 50) || 50, 500),
        };
        return c.json(await (await deps.tickets()).list(filter));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/tickets/:id',
      access: agent,
      summary: 'A ticket with its conversation, triage reasons and timeline (audited as ticket.read).',
      handler: async (c) => c.json(await (await deps.tickets()).get(c.req.param('id') ?? '', principalOf(c), { ip: clientIp(c), requestId: c.get('requestId') })),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/tickets/:id/triage',
      access: agent,
      summary: 'Correct a ticket’s category and/or severity; the correction feeds `opsdesk triage retrain`.',
      handler: async (c) => {
        const body = parseWith(CorrectionBody, await jsonBody(c), 'correction');
        const correction = { ...(body.category ? { category: body.category } : {}), ...(body.severity ? { severity: body.severity } : {}) };
        return c.json(await (await deps.tickets()).correct(c.req.param('id') ?? '', correction, principalOf(c)));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/triage',
      access: agent,
      summary: 'Triage a message without storing it (CONTRACTS.md §1 output).',
      handler: async (c) => {
        const text = await bodyText(c, 'the request body');
        return c.json(orderResult((await deps.tickets()).triager.triage(parseTriageInput(text))));
      },
    }),
  ];
}
