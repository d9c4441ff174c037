import { z } from 'zod';
import { Tier } from '../ticket.ts';

export const Attachment = z.object({
  filename: z.string().max(512).optional(),
  contentType: z.string().max(255).optional(),
  size: z.number().int().min(0).optional(),
  /** The decoded text of a text attachment (text/plain, text/csv, .log); binaries have none. */
  text: z.string().optional(),
});
export type Attachment = z.infer<typeof Attachment>;

export const IntakeMessagePart = z.object({
  sourceMessageId: z.string().max(512).optional(),
  authorKind: z.enum(['requester', 'agent', 'system']).default('requester'),
  author: z.string().max(512).optional(),
  body: z.string(),
  createdAt: z.string().optional(),
  attachments: z.array(Attachment).max(50).default([]),
});
export type IntakeMessagePart = z.infer<typeof IntakeMessagePart>;

/** One inbound ticket in the shape every intake path (API, e-mail, chat, imports) normalises to. */
export interface IntakeMessage {
  source: string;
  /** The source's id for idempotency (e-mail Message-ID, Zendesk id…); a content hash when absent. */
  sourceId?: string | undefined;
  channel: string;
  requester?: string | undefined;
  requesterName?: string | undefined;
  tier?: Tier | undefined;
  subject?: string | undefined;
  status?: string | undefined;
  createdAt?: string | undefined;
  platform?: string | undefined;
  appVersion?: string | undefined;
  locale?: string | undefined;
  messages: IntakeMessagePart[];
}

/** The JSON body of `POST /api/tickets`. */
export const CreateTicketBody = z
  .object({
    externalId: z.string().min(1).max(512).optional(),
    requester: z.string().max(320).optional(),
    requesterName: z.string().max(256).optional(),
    tier: Tier.optional(),
    subject: z.string().max(2000).optional(),
    body: z.string().optional(),
    text: z.string().optional(),
    channel: z.string().max(64).optional(),
    platform: z.string().max(64).optional(),
    appVersion: z.string().max(64).optional(),
    locale: z.string().max(35).optional(),
    createdAt: z.string().max(64).optional(),
    attachments: z.array(Attachment).max(50).optional(),
  })
  .refine((b) => b.body !== undefined || b.text !== undefined, { message: 'give the message in "body" or "text"', path: ['body'] });
export type CreateTicketBody = z.infer<typeof CreateTicketBody>;

/** Normalises a `POST /api/tickets` body. */
export function fromApiBody(body: CreateTicketBody): IntakeMessage {
  return {
    source: 'api',
    sourceId: body.externalId,
    channel: body.channel ?? 'api',
    requester: body.requester,
    requesterName: body.requesterName,
    tier: body.tier,
    subject: body.subject,
    createdAt: body.createdAt,
    platform: body.platform,
    appVersion: body.appVersion,
    locale: body.locale,
    messages: [{ authorKind: 'requester', author: body.requester, body: body.body ?? body.text ?? '', attachments: body.attachments ?? [], ...(body.createdAt ? { createdAt: body.createdAt } : {}) }],
  };
}
