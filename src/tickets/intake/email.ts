import { simpleParser, type Attachment as MailAttachment } from 'mailparser';
import { TicketInputInvalidError } from '../errors.ts';
import type { Attachment, IntakeMessage } from './message.ts';
import { decodeUtf8, looksBinary } from './validate.ts';

const textTypes = /^(text\/plain|text\/csv|text\/x-log|application\/csv|application\/x-log)/i;
const textNames = /\.(txt|log|csv)$/i;

/** Keeps the text of text attachments (text/plain, text/csv, .log); binaries keep only their name, type and size. */
export function attachmentOf(filename: string | undefined, contentType: string | undefined, content: Uint8Array | undefined, size?: number): Attachment {
  const out: Attachment = {};
  if (filename) out.filename = filename;
  if (contentType) out.contentType = contentType;
  out.size = size ?? content?.byteLength ?? 0;
  const isText = (contentType && textTypes.test(contentType)) || (filename && textNames.test(filename));
  if (isText && content) {
    try {
      const text = decodeUtf8(content, 'attachment');
      if (!looksBinary(text)) out.text = text;
    } catch {
      // Undecodable "text" attachments are kept as binaries: name, type and size only.
    }
  }
  return out;
}

/** Parses a raw RFC 822 / MIME message (mailparser) into an intake message. */
export async function fromRawEmail(raw: Uint8Array): Promise<IntakeMessage> {
  if (!raw.byteLength) throw new TicketInputInvalidError('the e-mail is empty');
  if (!/^[\x20-\x7e]+:/m.test(Buffer.from(raw.subarray(0, 4096)).toString('latin1'))) {
    throw new TicketInputInvalidError('the e-mail has no RFC 822 header', ['Send the raw message (headers, a blank line, the body) as message/rfc822.']);
  }
  let mail;
  try {
    mail = await simpleParser(Buffer.from(raw), { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
  } catch {
    throw new TicketInputInvalidError('the e-mail cannot be parsed as MIME');
  }
  const from = mail.from?.value[0];
  const body = (mail.text ?? (typeof mail.html === 'string' ? htmlToText(mail.html) : '')).trim();
  return {
    source: 'email',
    sourceId: mail.messageId ?? undefined,
    channel: 'email',
    requester: from?.address,
    requesterName: from?.name || undefined,
    subject: mail.subject,
    createdAt: mail.date?.toISOString(),
    messages: [
      {
        sourceMessageId: mail.messageId ?? undefined,
        authorKind: 'requester',
        author: from?.address,
        body,
        attachments: mail.attachments.map((a: MailAttachment) => attachmentOf(a.filename, a.contentType, a.content, a.size)),
      },
    ],
  } as IntakeMessage;
}

type Fields = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/**
 * Normalises the JSON (or form) body of an inbound-mail webhook: Postmark (`From`, `TextBody`,
 * `MessageID`, `Attachments`), Mailgun (`sender`, `body-plain`, `Message-Id`), SendGrid Inbound
 * Parse (`from`, `text`, `headers`, or `email` holding the raw MIME), and plain `{from, subject, text}`.
 */
export async function fromEmailWebhook(fields: Fields, files: ReadonlyArray<{ filename?: string; contentType?: string; content: Uint8Array }> = []): Promise<IntakeMessage> {
  const rawMime = str(fields.email) ?? str(fields['body-mime']);
  if (rawMime) {
    const parsed = await fromRawEmail(new TextEncoder().encode(rawMime));
    return parsed;
  }
  const fromFull = fields.FromFull as { Email?: string; Name?: string } | undefined;
  const fromHeader = str(fields.From) ?? str(fields.from) ?? str(fields.sender);
  const parsedFrom = fromHeader ? parseAddress(fromHeader) : undefined;
  const requester = fromFull?.Email ?? str(fields.sender) ?? parsedFrom?.address;
  const requesterName = fromFull?.Name ?? parsedFrom?.name;
  const body = str(fields.TextBody) ?? str(fields['stripped-text']) ?? str(fields['body-plain']) ?? str(fields.text) ?? str(fields.body) ?? htmlToText(str(fields.HtmlBody) ?? str(fields['body-html']) ?? str(fields.html) ?? '');
  const headerText = str(fields.headers) ?? '';
  const messageId =
    str(fields.MessageID) ?? str(fields['Message-Id']) ?? str(fields['message-id']) ?? str(fields.messageId) ?? /^message-id:\s*(.+)$/im.exec(headerText)?.[1]?.trim() ?? headerValue(fields.Headers, 'Message-ID');
  const subject = str(fields.Subject) ?? str(fields.subject);
  const date = str(fields.Date) ?? str(fields.date) ?? (typeof fields.timestamp === 'number' || typeof fields.timestamp === 'string' ? String(fields.timestamp) : undefined);
  const attachments: Attachment[] = [];
  if (Array.isArray(fields.Attachments)) {
    for (const a of fields.Attachments as Array<{ Name?: string; ContentType?: string; Content?: string; ContentLength?: number }>) {
      const content = typeof a.Content === 'string' ? Buffer.from(a.Content, 'base64') : undefined;
      attachments.push(attachmentOf(a.Name, a.ContentType, content, a.ContentLength));
    }
  }
  for (const f of files) attachments.push(attachmentOf(f.filename, f.contentType, f.content));
  if (!body) throw new TicketInputInvalidError('the e-mail webhook has no text body', ['Expected TextBody (Postmark), body-plain (Mailgun), text (SendGrid) or email (raw MIME).']);
  return {
    source: 'email',
    sourceId: messageId,
    channel: 'email',
    requester,
    requesterName,
    subject,
    createdAt: date,
    messages: [{ ...(messageId ? { sourceMessageId: messageId } : {}), authorKind: 'requester', ...(requester ? { author: requester } : {}), body, attachments }],
  } as IntakeMessage;
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!Array.isArray(headers)) return undefined;
  const h = (headers as Array<{ Name?: string; Value?: string }>).find((x) => x.Name?.toLowerCase() === name.toLowerCase());
  return str(h?.Value);
}

function parseAddress(header: string): { address?: string; name?: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(header);
  if (m) return { address: m[2]!.trim(), ...(m[1]!.trim() ? { name: m[1]!.trim() } : {}) };
  return { address: header.trim() };
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
