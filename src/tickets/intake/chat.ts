import { z } from 'zod';
import { TicketInputInvalidError } from '../errors.ts';
import { Tier } from '../ticket.ts';
import type { IntakeMessage } from './message.ts';

const Person = z.object({ id: z.union([z.string(), z.number()]).optional(), email: z.string().optional(), name: z.string().optional(), handle: z.string().optional(), username: z.string().optional() }).loose();

/**
 * A generic chat webhook: one message of a conversation. Accepts `conversationId` (or
 * `conversation_id`, `threadId`, `chatId`), `messageId` (or `id`), `text` (or `body`, `message`),
 * the author in `from`/`author`/`user`, and `timestamp`/`createdAt`.
 */
export const ChatWebhookBody = z
  .object({
    conversationId: z.union([z.string(), z.number()]).optional(),
    conversation_id: z.union([z.string(), z.number()]).optional(),
    threadId: z.union([z.string(), z.number()]).optional(),
    chatId: z.union([z.string(), z.number()]).optional(),
    messageId: z.union([z.string(), z.number()]).optional(),
    id: z.union([z.string(), z.number()]).optional(),
    text: z.string().optional(),
    body: z.string().optional(),
    message: z.union([z.string(), z.object({ id: z.union([z.string(), z.number()]).optional(), text: z.string().optional() }).loose()]).optional(),
    from: Person.optional(),
    author: Person.optional(),
    user: Person.optional(),
    role: z.enum(['user', 'requester', 'agent', 'bot', 'system']).optional(),
    subject: z.string().max(2000).optional(),
    platform: z.string().max(64).optional(),
    appVersion: z.string().max(64).optional(),
    locale: z.string().max(35).optional(),
    tier: Tier.optional(),
    timestamp: z.union([z.string(), z.number()]).optional(),
    createdAt: z.string().optional(),
  })
  .loose();
export type ChatWebhookBody = z.infer<typeof ChatWebhookBody>;

/** Normalises a chat webhook message; the conversation id is the ticket's source id. */
export function fromChatWebhook(body: ChatWebhookBody): IntakeMessage {
  const conversation = body.conversationId ?? body.conversation_id ?? body.threadId ?? body.chatId;
  if (conversation === undefined) throw new TicketInputInvalidError('the chat message has no conversation id', ['Send conversationId (or conversation_id, threadId, chatId).']);
  const nested = typeof body.message === 'object' ? body.message : undefined;
  const text = body.text ?? body.body ?? (typeof body.message === 'string' ? body.message : nested?.text) ?? '';
  const messageId = body.messageId ?? body.id ?? nested?.id;
  const person = body.from ?? body.author ?? body.user;
  const requester = person?.email ?? person?.handle ?? person?.username ?? (person?.id !== undefined ? String(person.id) : undefined);
  const authorKind = body.role === 'agent' || body.role === 'bot' ? 'agent' : body.role === 'system' ? 'system' : 'requester';
  const at = body.createdAt ?? (body.timestamp !== undefined ? String(body.timestamp) : undefined);
  return {
    source: 'chat',
    sourceId: String(conversation),
    channel: 'chat',
    requester,
    requesterName: person?.name,
    tier: body.tier,
    subject: body.subject,
    createdAt: at,
    platform: body.platform,
    appVersion: body.appVersion,
    locale: body.locale,
    messages: [{ ...(messageId !== undefined ? { sourceMessageId: String(messageId) } : {}), authorKind, ...(requester ? { author: requester } : {}), body: text, ...(at ? { createdAt: at } : {}), attachments: [] }],
  };
}
