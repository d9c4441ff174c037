import { createHash } from 'node:crypto';
import { newId, systemClock, type Clock, type Logger } from '../../core/index.ts';
import { sequentialId } from '../internal.ts';
import { detectLanguage } from '../../i18n/index.ts';
import { redactText, scrubText } from '../../redaction/index.ts';
import type { Db } from '../../storage/index.ts';
import { TicketInputInvalidError } from '../errors.ts';
import type { SlaSettings } from '../sla/policy.ts';
import { refreshTicketSla } from '../sla/refresh-sla.ts';
import type { TriageResult } from '../ticket.ts';
import type { Triager } from '../triage/triage.ts';
import { IntakeMessagePart, type IntakeMessage } from './message.ts';
import { checkText, limits, looksBinary } from './validate.ts';

export interface IngestDeps {
  db: Db;
  triager: Triager;
  clock?: Clock;
  logger?: Logger;
  /** The configured SLA settings for the stored SLA fields (default: the built-in policies). */
  slaSettings?: SlaSettings;
}

export interface IngestResult {
  ticketId: string;
  /** False when the source id was seen before (nothing was duplicated). */
  created: boolean;
  /** Conversation messages stored by this call (new follow-ups on an existing ticket count). */
  messagesAdded: number;
  triage: TriageResult | null;
}

const validStatus = new Set(['new', 'open', 'pending', 'solved', 'closed']);

/**
 * Turns an inbound message into a ticket: redacts every text, triages the first requester message,
 * stores ticket, conversation and timeline. Idempotent on (source, source id).
 */
const slaOpts = (deps: IngestDeps) => (deps.slaSettings ? { settings: deps.slaSettings } : {});

export async function ingestTicket(deps: IngestDeps, input: IntakeMessage): Promise<IngestResult> {
  const clock = deps.clock ?? systemClock;
  const messages = input.messages.map((m, i) => {
    const r = IntakeMessagePart.safeParse(m);
    if (!r.success) throw new TicketInputInvalidError(`message ${i + 1} is malformed`, r.error.issues.map((x) => `${x.path.join('.') || '(root)'}: ${x.message}`));
    return r.data;
  });
  if (!messages.length) throw new TicketInputInvalidError('the ticket has no message');
  messages.forEach((m, i) => checkText(m.body, messages.length > 1 ? `message ${i + 1}` : 'the message body'));
  if (input.subject && (input.subject.length > 2000 || looksBinary(input.subject))) throw new TicketInputInvalidError('the subject is too long or binary');
  const first = messages.find((m) => m.authorKind === 'requester') ?? messages[0]!;
  const now = clock.now().toISOString();
  const sourceId = input.sourceId?.trim() || contentKey(input);
  const existing = await deps.db.selectFrom('tickets').select(['id']).where('source', '=', input.source).where('source_id', '=', sourceId).executeTakeFirst();
  if (existing) {
    const added = await addMessages(deps.db, existing.id, messages, input.channel, now, clock, true);
    if (added) {
      await deps.db.updateTable('tickets').set({ updated_at: now }).where('id', '=', existing.id).execute();
      // A new requester message starts a next-reply target and ends a wait on the user.
      await refreshTicketSla(deps.db, [existing.id], slaOpts(deps));
    }
    return { ticketId: existing.id, created: false, messagesAdded: added, triage: null };
  }
  const triage = deps.triager.triage({
    ...(input.subject ? { subject: input.subject } : {}),
    body: first.body,
    channel: input.channel,
    ...(input.platform ? { platform: input.platform } : {}),
    ...(input.appVersion ? { appVersion: input.appVersion } : {}),
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.tier ? { tier: input.tier } : {}),
  });
  const id = newId('tkt', clock.nowMs());
  const createdAt = isoOr(input.createdAt ?? first.createdAt, now);
  const subject = input.subject?.trim() ? scrubText(input.subject.trim()) : scrubText(firstLine(first.body));
  const inserted = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('tickets')
      .values({
        id,
        source: input.source,
        source_id: sourceId,
        channel: input.channel,
        requester: input.requester ? scrubText(input.requester.trim()).slice(0, 320) : null,
        requester_name: input.requesterName ? scrubText(input.requesterName.trim()).slice(0, 256) : null,
        tier: input.tier ?? 'standard',
        subject: subject.slice(0, 500),
        status: input.status && validStatus.has(input.status) ? input.status : 'new',
        category: triage.category,
        category_confidence: triage.categoryConfidence,
        severity: triage.severity,
        priority: triage.priority,
        language: triage.language,
        language_confidence: triage.languageConfidence,
        security_flags: JSON.stringify(triage.securityFlags),
        chains: JSON.stringify(triage.chains),
        entities: JSON.stringify(triage.entities),
        reasons: JSON.stringify(triage.reasons),
        kb: JSON.stringify(triage.kb),
        redacted_text: triage.redactedText,
        model_version: deps.triager.modelVersion,
        created_at: createdAt,
        received_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['source', 'source_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await addMessages(trx, id, messages, input.channel, now, clock, false);
    const events = [
      { kind: 'created', detail: { source: input.source, channel: input.channel, messages: messages.length } },
      { kind: 'triaged', detail: { category: triage.category, confidence: triage.categoryConfidence, severity: triage.severity, priority: triage.priority, modelVersion: deps.triager.modelVersion } },
    ];
    if (triage.securityFlags.length) events.push({ kind: 'security_flagged', detail: { flags: triage.securityFlags, playbook: triage.playbook ?? null } as never });
    events.push({ kind: 'acknowledged', detail: { language: triage.language, text: triage.acknowledgement } as never });
    for (const e of events) {
      await trx.insertInto('ticket_events').values({ id: sequentialId('tev', clock), ticket_id: id, at: now, kind: e.kind, actor: null, detail: JSON.stringify(e.detail) }).execute();
    }
    await refreshTicketSla(trx, [id], slaOpts(deps));
    return true;
  });
  if (!inserted) {
    const again = await deps.db.selectFrom('tickets').select(['id']).where('source', '=', input.source).where('source_id', '=', sourceId).executeTakeFirstOrThrow();
    return { ticketId: again.id, created: false, messagesAdded: 0, triage: null };
  }
  deps.logger?.info({ ticketId: id, source: input.source, category: triage.category, severity: triage.severity, priority: triage.priority, securityFlags: triage.securityFlags }, 'ticket created');
  return { ticketId: id, created: true, messagesAdded: messages.length, triage };
}

async function addMessages(db: Db, ticketId: string, messages: readonly IntakeMessagePart[], channel: string, now: string, clock: Clock, followUp: boolean): Promise<number> {
  let added = 0;
  for (const [i, m] of messages.entries()) {
    const red = redactText(m.body);
    const attachments = m.attachments.map((a) => {
      const text = a.text && !looksBinary(a.text) ? scrubText(a.text.slice(0, limits.maxAttachmentChars)) : undefined;
      return { filename: a.filename ? scrubText(a.filename) : null, contentType: a.contentType ?? null, size: a.size ?? null, stored: text !== undefined, ...(text !== undefined ? { text } : {}) };
    });
    const res = await db
      .insertInto('ticket_messages')
      .values({
        id: newId('msg', clock.nowMs()),
        ticket_id: ticketId,
        source_message_id: m.sourceMessageId?.trim() || `${i}:${hash(red.text)}`,
        author_kind: m.authorKind,
        author: m.author ? scrubText(m.author).slice(0, 512) : null,
        channel,
        body: red.text,
        attachments: JSON.stringify(attachments),
        security_flags: JSON.stringify(red.securityFlags),
        created_at: isoOr(m.createdAt, now),
        ...messageLanguage(red.text),
      })
      .onConflict((oc) => oc.columns(['ticket_id', 'source_message_id']).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0n) > 0) {
      added++;
      if (followUp) {
        await db.insertInto('ticket_events').values({ id: sequentialId('tev', clock), ticket_id: ticketId, at: now, kind: 'message_added', actor: null, detail: JSON.stringify({ authorKind: m.authorKind, securityFlags: red.securityFlags }) }).execute();
      }
    }
  }
  return added;
}

function contentKey(input: IntakeMessage): string {
  // Hash redacted text only, so the key carries nothing derived from a secret.
  return `sha256:${hash([input.requester ?? '', input.subject ?? '', ...input.messages.map((m) => m.body)].map(scrubText).join('\u0000'))}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

function isoOr(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  const ms = /^\d{9,13}$/.test(value) ? Number(value) * (value.length <= 10 ? 1000 : 1) : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : fallback;
}

/** Each message's own language and the detector's confidence (a conversation may switch language). */
function messageLanguage(text: string): { language: string; language_confidence: number } {
  const d = detectLanguage(text);
  return { language: d.language, language_confidence: Math.round(d.confidence * 1000) / 1000 };
}
